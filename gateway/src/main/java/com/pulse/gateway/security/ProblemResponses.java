package com.pulse.gateway.security;

import com.pulse.gateway.web.ProblemWriter;
import com.pulse.problems.ProblemTexts;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401, 403 and the firewall's refusals as RFC 9457 problem details, in the words every Pulse service uses
 * ({@link ProblemTexts}); 401 and 403 with the {@code WWW-Authenticate} challenge of RFC 6750.
 */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
    ServerExchangeRejectedHandler {

  /** What the firewall lets through; any other method is refused with 405 rather than a bare 400. */
  static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

  private final ProblemWriter problems;

  ProblemResponses(ProblemWriter problems) {
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

  /**
   * The firewall's refusal of a path ({@code /api/ocs/../actuator/env}, {@code %2e%2e}, {@code ..;/}, {@code //},
   * {@code %00}) or a method (TRACE, anything unknown): answered here instead of with an empty 400.
   */
  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
    if (!METHODS.contains(exchange.getRequest().getMethod())) {
      exchange.getResponse().getHeaders().setAllow(METHODS);
      return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, ProblemTexts.METHOD_NOT_ALLOWED);
    }
    return problems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTexts.REJECTED_REQUEST);
  }

  private static void challenge(ServerWebExchange exchange, String value) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, value);
  }
}
