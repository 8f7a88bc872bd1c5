package com.pulse.notification.stream;

import com.pulse.events.PulseEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One span per event from the intake to the sockets ({@code pulse.delivery}: the listeners, the dispatcher handing
 * the frame to every member's send queue), a child of the event's {@code traceparent}, so the trace that began with
 * the command at the gateway ends here. A malformed or missing traceparent starts a trace of its own. With tracing
 * off (no OTLP endpoint: the sampler records nothing) the span is a non-recording one, a few allocations per event.
 */
@Component
final class DeliveryTracing {

  static final String SPAN = "pulse.delivery";

  private final Tracer tracer;
  private final Propagator propagator;

  DeliveryTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
  }

  /** Runs the delivery of one event inside its span. */
  void deliver(StreamEvent event, Runnable delivery) {
    Span span = builder(event).name(SPAN).kind(Span.Kind.CONSUMER)
        .tag("messaging.system", "kafka")
        .tag("messaging.destination.name", event.position().topic())
        .tag("messaging.message.id", event.id())
        .tag("pulse.event.type", event.type())
        .start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      delivery.run();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }

  private Span.Builder builder(StreamEvent event) {
    String traceparent = event.traceparent();
    return traceparent == null ? tracer.spanBuilder().setNoParent()
        : propagator.extract(traceparent, (value, key) -> PulseEvents.TRACEPARENT.equals(key) ? value : null);
  }
}
