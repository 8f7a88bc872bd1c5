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
 * The W3C trace context an event should carry, so it joins the trace of the command that caused it and its consumers
 * continue it:
 * <ol>
 *   <li>the current span's, when it is recorded (tracing on: the server span that continues the gateway's
 *       {@code traceparent}, or a span the code started);</li>
 *   <li>else the request's own {@code traceparent} header as it came (tracing off: no span of this service is
 *       recorded, so the event names the caller's span and keeps its sampled flag; pointing at an unrecorded span
 *       would leave a hole in a trace the caller records, and its cleared flag would stop consumers recording);</li>
 *   <li>else an unrecorded current span's (a span the code started, with tracing off);</li>
 *   <li>else nothing, and {@link PulseEvents} starts a fresh trace (also when the header is malformed).</li>
 * </ol>
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
    Span span = tracer == null || propagator == null ? null : tracer.currentSpan();
    if (span != null && Boolean.TRUE.equals(span.context().sampled())) {
      return traceparentOf(span);
    }
    String request = fromRequest();
    return request != null || span == null ? request : traceparentOf(span);
  }

  private String traceparentOf(Span span) {
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
