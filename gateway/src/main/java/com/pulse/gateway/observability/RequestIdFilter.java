package com.pulse.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id and a trace context before anything else runs: the caller's {@code X-Request-Id} when
 * acceptable, a new one otherwise, echoed in the response; the caller's {@code traceparent}, or a new one whose trace
 * id is the generated request id. {@link TracingHeadersFilter} sends both downstream. When the gateway traces
 * ({@link GatewayTracingDefaults}), the context sent is its own server span's instead, a child of the caller's, so the
 * service's span is the gateway's child; with tracing off nothing of this runs.
 */
final class RequestIdFilter implements WebFilter, Ordered {

  public static final String HEADER = "X-Request-Id";
  static final String TRACEPARENT = "traceparent";

  private final boolean traced;

  /** @param traced whether requests have server spans (a tracer is configured) */
  RequestIdFilter(boolean traced) {
    this.traced = traced;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    String given = headers.getFirst(HEADER);
    String id = RequestIds.acceptable(given) ? given : RequestIds.newId();
    String traceparent = traced ? serverSpan(exchange) : null;
    if (traceparent == null) {
      traceparent = headers.getFirst(TRACEPARENT);
    }
    if (RequestIds.traceIdOf(traceparent) == null) {
      // a generated request id is a fine trace id; a caller's own id may not be hex
      traceparent = RequestIds.newTraceparent(id == given ? RequestIds.newId() : id);
    }
    exchange.getAttributes().put(AccessLogFilter.REQUEST_ID, id);
    exchange.getAttributes().put(AccessLogFilter.TRACEPARENT, traceparent);
    exchange.getResponse().getHeaders().set(HEADER, id);
    return chain.filter(exchange);
  }

  /** The {@code traceparent} of the request's server span (the observation around the whole exchange), or null. */
  private static String serverSpan(ServerWebExchange exchange) {
    Object context = exchange.getAttribute(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
    TracingObservationHandler.TracingContext tracing = context instanceof Observation.Context observed
        ? observed.get(TracingObservationHandler.TracingContext.class) : null;
    Span span = tracing == null ? null : tracing.getSpan();
    if (span == null) {
      return null;
    }
    TraceContext ids = span.context();
    return "00-" + ids.traceId() + "-" + ids.spanId() + (Boolean.TRUE.equals(ids.sampled()) ? "-01" : "-00");
  }
}
