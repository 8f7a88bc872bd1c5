package com.pulse.gateway.observability;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Adds the request id and the trace context to what the gateway sends downstream (HTTP and WebSocket handshakes).
 * Runs last, on the copy of the headers the routing filters already made, so the request is never rebuilt.
 */
final class TracingHeadersFilter implements HttpHeadersFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    String id = exchange.getAttribute(AccessLogFilter.REQUEST_ID);
    String traceparent = exchange.getAttribute(AccessLogFilter.TRACEPARENT);
    if (id == null) {
      return input;
    }
    HttpHeaders out = input;
    try {
      out.set(RequestIdFilter.HEADER, id);
    } catch (UnsupportedOperationException readOnly) {
      out = new HttpHeaders();
      out.putAll(input);
      out.set(RequestIdFilter.HEADER, id);
    }
    out.set(RequestIdFilter.TRACEPARENT, traceparent);
    return out;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }
}
