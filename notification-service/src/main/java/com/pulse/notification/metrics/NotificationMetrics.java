package com.pulse.notification.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * Every meter of the service in one place, so dashboards and alerts have one list to read (see README, "Metrics").
 * Hot-path meters are created once and kept; tagged ones are cached per tag value.
 */
@Component
public final class NotificationMetrics {

  static final String PREFIX = "pulse.notification.";

  private final MeterRegistry registry;
  private final Counter framesDelivered;
  private final Counter framesDropped;
  private final Timer deliveryLag;
  private final Counter audienceUnknown;
  private final Map<String, Counter> received = new ConcurrentHashMap<>();
  private final Map<String, Counter> invalid = new ConcurrentHashMap<>();
  private final Map<String, Counter> disconnects = new ConcurrentHashMap<>();
  private final Map<String, Counter> recoveries = new ConcurrentHashMap<>();
  private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

  public NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    framesDelivered = Counter.builder(PREFIX + "frames.delivered")
        .description("Event frames handed to a socket").register(registry);
    framesDropped = Counter.builder(PREFIX + "frames.dropped")
        .description("Frames not sent: the connection's send queue was full or it was closing").register(registry);
    deliveryLag = Timer.builder(PREFIX + "delivery.lag")
        .description("From the event's time attribute to its frame being handed to the socket")
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(50), Duration.ofMillis(100))
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
    audienceUnknown = Counter.builder(PREFIX + "audience.unknown")
        .description("Channels named in an event's audience that the channel catalog does not declare (dropped)")
        .register(registry);
  }

  /** An event named a channel the catalog does not declare: a producer bug, counted, never delivered. */
  public void audienceUnknown() {
    audienceUnknown.increment();
  }

  /** The open-connections gauge, read from whoever owns the connections. */
  public <T> void connections(T owner, ToDoubleFunction<T> count) {
    Gauge.builder(PREFIX + "connections", owner, count).description("Open connections: WebSocket and SSE")
        .strongReference(true).register(registry);
  }

  public void eventReceived(String topic) {
    received.computeIfAbsent(topic, t -> Counter.builder(PREFIX + "events.received").tag("topic", t)
        .description("Events read from Kafka").register(registry)).increment();
  }

  /** A record that is not a usable CloudEvent (not JSON, no id or type): skipped, never delivered. */
  public void eventInvalid(String topic) {
    invalid.computeIfAbsent(topic, t -> Counter.builder(PREFIX + "events.invalid").tag("topic", t)
        .description("Records skipped because they are not a structured CloudEvent").register(registry))
        .increment();
  }

  /** An event frame was handed to the socket; {@code eventTime} may be null when the event had no time. */
  public void frameDelivered(Instant eventTime) {
    framesDelivered.increment();
    if (eventTime != null) {
      Instant now = Instant.now();
      long lagNanos = (now.getEpochSecond() - eventTime.getEpochSecond()) * 1_000_000_000L
          + (now.getNano() - eventTime.getNano());
      // a producer clock slightly ahead of ours would give a negative lag: count it as zero
      deliveryLag.record(Math.max(0, lagNanos), TimeUnit.NANOSECONDS);
    }
  }

  public void frameDropped() {
    framesDropped.increment();
  }

  /** A connection the server closed on its own initiative, by reason (e.g. {@code slow_consumer}). */
  public void disconnected(String reason) {
    disconnects.computeIfAbsent(reason, r -> Counter.builder(PREFIX + "disconnects").tag("reason", r)
        .description("Connections closed by the server, by reason").register(registry)).increment();
  }

  /** One gauge per channel namespace: memberships on this instance ({@code ocs}, {@code user}...). */
  public void subscriptions(List<String> namespaces, ToIntFunction<String> count) {
    for (String namespace : namespaces) {
      Gauge.builder(PREFIX + "subscriptions", () -> count.applyAsInt(namespace)).tag("namespace", namespace)
          .description("Channel memberships on this instance, by namespace").strongReference(true).register(registry);
    }
  }

  /** A recovery request's outcome: {@code recovered} or {@code not_recovered} (gap beyond the history). */
  public void recovery(String outcome) {
    recoveries.computeIfAbsent(outcome, o -> Counter.builder(PREFIX + "recoveries").tag("outcome", o)
        .description("Recovery requests (since / Last-Event-ID), by outcome").register(registry)).increment();
  }

  /** A record the shared feed could not handle was set aside on its topic's dead-letter topic. */
  public void deadLetter(String topic) {
    deadLetters.computeIfAbsent(topic, t -> Counter.builder(PREFIX + "dead.letters").tag("topic", t)
        .description("Records sent to <topic>.dlt after retries (or at once when not a CloudEvent)")
        .register(registry)).increment();
  }

  /** A connection refused after the handshake: {@code user_limit} or {@code instance_limit}. */
  public void connectionRejected(String reason) {
    rejections.computeIfAbsent(reason, r -> Counter.builder(PREFIX + "connections.rejected").tag("reason", r)
        .description("Connections closed at once with 1013 because a limit was reached").register(registry))
        .increment();
  }
}
