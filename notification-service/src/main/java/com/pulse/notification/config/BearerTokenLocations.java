package com.pulse.notification.config;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Finds the bearer token: the {@code Authorization} header on every request, and the {@code access_token} query
 * parameter on {@code /sse} only (browsers cannot set headers on an {@code EventSource}; elsewhere a token in a URL
 * would just end up in logs). WebSocket handshakes never reach WebFlux: the socket package authenticates them.
 */
final class BearerTokenLocations implements ServerAuthenticationConverter {

  private final ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();
  private final ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();

  BearerTokenLocations() {
    headerOrQuery.setAllowUriQueryParameter(true);
  }

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    boolean eventSource = "/sse".equals(exchange.getRequest().getPath().pathWithinApplication().value());
    return (eventSource ? headerOrQuery : headerOnly).convert(exchange);
  }
}
