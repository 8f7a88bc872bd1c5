package com.pulse.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access log line per request (logger {@code pulse.access}, INFO) when the exchange ends, with key-value pairs
 * {@code requestId traceId user route method path status latencyMs}: JSON fields under structured logging
 * ({@code logging.structured.format.console}). Never the query string: a WebSocket token may travel there. For a
 * WebSocket the latency is the socket's lifetime.
 */
public final class AccessLogFilter implements WebFilter, Ordered {

  public static final String REQUEST_ID = "pulse.requestId";
  public static final String TRACEPARENT = "pulse.traceparent";
  /** Set by whoever learns the signed-in user (the rate limiter). */
  public static final String USER = "pulse.user";

  private static final Logger log = LoggerFactory.getLogger("pulse.access");

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!log.isInfoEnabled()) {
      return chain.filter(exchange);
    }
    long start = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> write(exchange, start));
  }

  private static void write(ServerWebExchange exchange, long start) {
    long micros = (System.nanoTime() - start) / 1_000;
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    String user = exchange.getAttribute(USER);
    String requestId = exchange.getAttribute(REQUEST_ID);
    String traceparent = exchange.getAttribute(TRACEPARENT);
    String method = exchange.getRequest().getMethod().name();
    String path = exchange.getRequest().getPath().value();
    int code = status == null ? 0 : status.value();
    double latencyMs = micros / 1000.0;
    log.atInfo()
        .addKeyValue("requestId", requestId)
        .addKeyValue("traceId", RequestIds.traceIdOf(traceparent))
        .addKeyValue("user", user == null ? "-" : user)
        .addKeyValue("route", route == null ? "-" : route.getId())
        .addKeyValue("method", method)
        .addKeyValue("path", path)
        .addKeyValue("status", code)
        .addKeyValue("latencyMs", latencyMs)
        .log("{} {} {} {}ms", method, path, code, latencyMs);
  }
}
