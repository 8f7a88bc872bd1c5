package com.pulse.platform.outbox;

import com.pulse.events.PulseEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The W3C trace context an event should carry: the current span's (the server span of the request being served,
 * which continues the {@code traceparent} the gateway sent, or a span the code started), so the event joins the
 * trace of the command that caused it and its consumers continue it. Without a tracer, the request's own
 * {@code traceparent} header as it came. Outside both, or when the header is malformed, {@link PulseEvents} starts a
 * fresh trace.
 */
final class TraceparentSource implements Supplier<String> {

  private final Tracer tracer;
  private final Propagator propagator;

  /** @param tracer and {@code propagator} null when the service has no tracing */
  TraceparentSource(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public String get() {
    String current = fromCurrentSpan();
    return current != null ? current : fromRequest();
  }

  private String fromCurrentSpan() {
    Span span = tracer == null || propagator == null ? null : tracer.currentSpan();
    if (span == null) {
      return null;
    }
    Map<String, String> headers = new HashMap<>(4);
    propagator.inject(span.context(), headers, Map::put);
    String traceparent = headers.get(PulseEvents.TRACEPARENT);
    return PulseEvents.isValidTraceparent(traceparent) ? traceparent : null;
  }

  private static String fromRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      String header = servlet.getRequest().getHeader(PulseEvents.TRACEPARENT);
      return PulseEvents.isValidTraceparent(header) ? header : null;
    }
    return null;
  }
}
