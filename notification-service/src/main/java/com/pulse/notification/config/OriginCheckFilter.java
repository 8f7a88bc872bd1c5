package com.pulse.notification.config;

import com.pulse.notification.admission.AllowedOrigins;
import com.pulse.problems.ProblemTexts;
import com.pulse.problems.reactive.ReactiveProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code /sse} from a browser page of a foreign origin: 403 problem before the token is even read (the WebSocket
 * handshake is checked the same way where it is served, {@code socket.SocketEndpoints}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class OriginCheckFilter implements WebFilter {

  static final String SSE = "/sse";

  private final AllowedOrigins origins;
  private final ReactiveProblems problems;

  OriginCheckFilter(AllowedOrigins origins, ReactiveProblems problems) {
    this.origins = origins;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (SSE.equals(exchange.getRequest().getPath().value())
        && !origins.allows(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN),
            exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST))) {
      return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTexts.CROSS_ORIGIN_REFUSED);
    }
    return chain.filter(exchange);
  }
}
