package com.pulse.gateway.limits;

import com.pulse.gateway.observability.AccessLogFilter;
import com.pulse.gateway.web.ProblemWriter;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Request rate per signed-in user, or per client IP without a token, and new WebSocket handshakes per caller:
 * over the limit the answer is 429 with {@code Retry-After}. Runs after token validation, so the user is known;
 * probes, metrics and the public signing keys are never limited (every service fetches the keys from this address,
 * a restarted notification-service dozens of times at once when a reconnect storm's handshakes arrive before its
 * first fetch finished; limiting them turned those handshakes into 503s).
 */
final class RateLimitFilter implements WebFilter, Ordered {

  static final String TOO_MANY_REQUESTS = "Too many requests; retry after the time in Retry-After.";
  static final String TOO_MANY_SOCKETS = "Too many new WebSocket connections; retry after the time in Retry-After.";

  private static final String SIGNING_KEYS = "/.well-known/jwks.json";

  private final RateLimiters users;
  private final RateLimiters anonymous;
  private final RateLimiters handshakes;
  private final ProblemWriter problems;

  RateLimitFilter(LimitProperties limits, ProblemWriter problems) {
    this.users = new RateLimiters(limits.user());
    this.anonymous = new RateLimiters(limits.anonymous());
    this.handshakes = new RateLimiters(limits.webSocketHandshakes());
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return 0; // after Spring Security's chain (-100): the principal is known
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (path.startsWith("/actuator/") || path.equals(SIGNING_KEYS)) {
      return chain.filter(exchange);
    }
    return exchange.getPrincipal()
        .map(Principal::getName)
        .map(user -> {
          exchange.getAttributes().put(AccessLogFilter.USER, user);
          return check(exchange, users, user);
        })
        .switchIfEmpty(Mono.fromSupplier(() -> check(exchange, anonymous, "ip:" + clientIp(exchange.getRequest()))))
        .flatMap(verdict -> verdict == Verdict.GO ? chain.filter(exchange) : reject(exchange, verdict));
  }

  private Verdict check(ServerWebExchange exchange, RateLimiters limiters, String caller) {
    long wait = limiters.take(caller);
    if (wait > 0) {
      return new Verdict(wait, TOO_MANY_REQUESTS);
    }
    if ("websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
      long socketWait = handshakes.take(caller);
      if (socketWait > 0) {
        return new Verdict(socketWait, TOO_MANY_SOCKETS);
      }
    }
    return Verdict.GO;
  }

  private Mono<Void> reject(ServerWebExchange exchange, Verdict verdict) {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(verdict.waitNanos() + 999_999_999L));
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, verdict.detail());
  }

  static String clientIp(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }

  private record Verdict(long waitNanos, String detail) {
    static final Verdict GO = new Verdict(0, null);
  }
}
