package com.pulse.notification.config;

import com.pulse.problems.ProblemTexts;
import com.pulse.problems.reactive.ReactiveProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as RFC 9457 problem details with the RFC 6750 {@code WWW-Authenticate} challenge, in the words every
 * Pulse service uses ({@link ProblemTexts}); a refused WebSocket handshake says the same.
 */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private final ReactiveProblems problems;

  ProblemResponses(ReactiveProblems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException invalid) {
      challenge(exchange, "Bearer error=\"" + invalid.getError().getErrorCode() + "\"");
      return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTexts.TOKEN_INVALID);
    }
    challenge(exchange, "Bearer");
    return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTexts.TOKEN_REQUIRED_OR_QUERY);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    challenge(exchange, "Bearer error=\"insufficient_scope\"");
    return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTexts.FORBIDDEN);
  }

  private static void challenge(ServerWebExchange exchange, String value) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, value);
  }
}
