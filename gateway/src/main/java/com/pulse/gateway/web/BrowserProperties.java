package com.pulse.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser front-ends allowed to call the gateway ({@code pulse.gateway.browser.*}): the CORS allowlist, and
 * the {@code Origin} allowlist of WebSocket handshakes.
 *
 * @param allowedOrigins exact origins such as {@code https://ward.example.org}; comma-separated from the environment
 */
@ConfigurationProperties("pulse.gateway.browser")
public record BrowserProperties(@DefaultValue List<String> allowedOrigins) {

  public BrowserProperties {
    allowedOrigins = List.copyOf(allowedOrigins);
  }
}
