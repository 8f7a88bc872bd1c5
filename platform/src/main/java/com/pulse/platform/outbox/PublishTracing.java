package com.pulse.platform.outbox;

import com.pulse.events.PulseEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The relay's {@code pulse.publish} span per event (PRODUCER, from the send to Kafka's acknowledgement), a child of
 * the trace context stored with the event (the command's span), so one trace runs from the gateway through the
 * service to the broker. The Kafka record's {@code traceparent} header then names the publish span; the event's own
 * {@code traceparent} extension keeps naming the command's span (the payload is sent as it was stored).
 *
 * <p>{@link #OFF} when the service records no spans (no tracer, or the {@code always-off} sampler that tracing's
 * defaults choose without an endpoint): no span is started and the header is the stored context, as before.
 */
final class PublishTracing {

  static final String SPAN = "pulse.publish";
  static final PublishTracing OFF = new PublishTracing(null, null);

  private final Tracer tracer;
  private final Propagator propagator;

  PublishTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Traces publishing unless the service records nothing at all. */
  static PublishTracing of(Tracer tracer, Propagator propagator, String sampler) {
    boolean off = tracer == null || tracer == Tracer.NOOP || propagator == null || "always-off".equals(sampler);
    return off ? OFF : new PublishTracing(tracer, propagator);
  }

  boolean on() {
    return tracer != null;
  }

  /** Starts the event's span (a trace of its own when nothing was stored); only when {@link #on()}. */
  Span start(PendingEvent row) {
    String stored = row.traceparent();
    Span.Builder builder = stored == null ? tracer.spanBuilder().setNoParent()
        : propagator.extract(stored, (value, key) -> PulseEvents.TRACEPARENT.equals(key) ? value : null);
    return builder.name(SPAN).kind(Span.Kind.PRODUCER)
        .tag("messaging.system", "kafka")
        .tag("messaging.operation.type", "send")
        .tag("messaging.destination.name", row.topic())
        .tag("messaging.message.id", row.eventId().toString())
        .tag("pulse.event.type", row.type())
        .start();
  }

  /** What the record's {@code traceparent} header says: the span when it is recorded, else what was stored. */
  String traceparent(Span span, PendingEvent row) {
    if (span == null || span.isNoop()) {
      return row.traceparent();
    }
    Map<String, String> headers = new HashMap<>(4);
    propagator.inject(span.context(), headers, Map::put);
    String traceparent = headers.get(PulseEvents.TRACEPARENT);
    return PulseEvents.isValidTraceparent(traceparent) ? traceparent : row.traceparent();
  }

  /** Ends the span, marked failed when Kafka did not acknowledge (the row goes again, in a span of its own). */
  static void end(Span span, Throwable refused) {
    if (span == null) {
      return;
    }
    if (refused != null) {
      span.error(refused);
    }
    span.end();
  }
}
