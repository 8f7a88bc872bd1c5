package com.pulse.gateway.security;

import com.pulse.gateway.web.BrowserProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** What browsers are told: CORS for the allowlisted front-ends, and security headers on every response. */
final class BrowserPolicy {

  private BrowserPolicy() {
  }

  /** Cross-origin calls from {@code pulse.gateway.browser.allowed-origins} only; tokens travel in a header. */
  static CorsConfigurationSource cors(BrowserProperties browsers) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(browsers.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id", "traceparent", "tracestate",
        "Last-Event-ID", "Idempotency-Key"));
    cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "WWW-Authenticate"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  /**
   * Spring Security's defaults ({@code X-Content-Type-Options}, {@code X-Frame-Options: DENY}, no-store caching
   * unless the response says otherwise, HSTS over HTTPS) plus a content security policy and no referrer: the
   * gateway serves data, never pages.
   */
  static void securityHeaders(ServerHttpSecurity.HeaderSpec headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
  }
}
