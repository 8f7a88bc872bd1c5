package com.pulse.gateway.security;

import com.pulse.gateway.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as RFC 9457 problem details, with the {@code WWW-Authenticate} challenge of RFC 6750. */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  static final String TOKEN_REQUIRED = "An access token is required: send 'Authorization: Bearer <token>'"
      + " (WebSocket handshakes may pass it as the access_token query parameter).";
  static final String TOKEN_INVALID = "The access token is invalid or expired.";

  private final ProblemWriter problems;

  ProblemResponses(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException invalid) {
      challenge(exchange, "Bearer error=\"" + invalid.getError().getErrorCode() + "\"");
      return problems.write(exchange, HttpStatus.UNAUTHORIZED, TOKEN_INVALID);
    }
    challenge(exchange, "Bearer");
    return problems.write(exchange, HttpStatus.UNAUTHORIZED, TOKEN_REQUIRED);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    challenge(exchange, "Bearer error=\"insufficient_scope\"");
    return problems.write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this.");
  }

  private static void challenge(ServerWebExchange exchange, String value) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, value);
  }
}
