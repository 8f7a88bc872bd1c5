package com.pulse.gateway.observability;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id and a trace context before anything else runs: the caller's {@code X-Request-Id} when
 * acceptable, a new one otherwise, echoed in the response; the caller's {@code traceparent}, or a new one whose trace
 * id is the generated request id. {@link TracingHeadersFilter} sends both downstream.
 */
final class RequestIdFilter implements WebFilter, Ordered {

  public static final String HEADER = "X-Request-Id";
  static final String TRACEPARENT = "traceparent";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    String given = headers.getFirst(HEADER);
    String id = RequestIds.acceptable(given) ? given : RequestIds.newId();
    String traceparent = headers.getFirst(TRACEPARENT);
    if (RequestIds.traceIdOf(traceparent) == null) {
      // a generated request id is a fine trace id; a caller's own id may not be hex
      traceparent = RequestIds.newTraceparent(id == given ? RequestIds.newId() : id);
    }
    exchange.getAttributes().put(AccessLogFilter.REQUEST_ID, id);
    exchange.getAttributes().put(AccessLogFilter.TRACEPARENT, traceparent);
    exchange.getResponse().getHeaders().set(HEADER, id);
    return chain.filter(exchange);
  }
}
