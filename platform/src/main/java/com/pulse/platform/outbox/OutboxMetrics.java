package com.pulse.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox's health in numbers: rows waiting and the age of the oldest, time from commit to Kafka's
 * acknowledgement, publishes and failures, and whether this instance is the publishing relay.
 */
final class OutboxMetrics {

  /** The backlog is counted at most this often, however often it is scraped. */
  private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);

  private final MeterRegistry registry;
  private final OutboxStore store;
  private final Timer latency;
  private final Counter published;
  private final Counter failures;
  private final AtomicReference<Sample> backlog = new AtomicReference<>(new Sample(Instant.EPOCH, null));

  OutboxMetrics(MeterRegistry registry, OutboxStore store) {
    this.registry = registry;
    this.store = store;
    this.latency = Timer.builder("pulse.outbox.publish.latency")
        .description("Time from the event's commit to Kafka's acknowledgement")
        .publishPercentileHistogram()
        .register(registry);
    this.published = Counter.builder("pulse.outbox.published").description("Events acknowledged by Kafka")
        .register(registry);
    this.failures = Counter.builder("pulse.outbox.publish.failures")
        .description("Events Kafka refused, and waits in which it acknowledged nothing").register(registry);
    Gauge.builder("pulse.outbox.pending", this, m -> m.backlog().pending())
        .description("Committed events not yet acknowledged by Kafka").register(registry);
    Gauge.builder("pulse.outbox.oldest.pending.age", this, m -> m.backlog().oldestAge().toMillis() / 1000.0)
        .baseUnit("seconds").description("How long the oldest unpublished event has waited").register(registry);
  }

  void leaderGauge(OutboxRelay relay) {
    Gauge.builder("pulse.outbox.relay.leader", relay, r -> r.isLeader() ? 1 : 0)
        .description("1 when this instance's relay publishes, 0 on standby").register(registry);
  }

  void published(List<PendingEvent> rows, Instant acknowledged) {
    for (PendingEvent row : rows) {
      latency.record(Duration.between(row.createdAt(), acknowledged));
    }
    published.increment(rows.size());
  }

  void failed(int count) {
    failures.increment(count);
  }

  /** Kafka has not acknowledged a sent event for a while (it is down or unreachable); counted as a failure. */
  void stalled() {
    failures.increment();
  }

  private OutboxStore.Backlog backlog() {
    Sample sample = backlog.get();
    if (sample.value() == null || sample.at().plus(BACKLOG_REFRESH).isBefore(Instant.now())) {
      sample = new Sample(Instant.now(), store.backlog());
      backlog.set(sample);
    }
    return sample.value();
  }

  private record Sample(Instant at, OutboxStore.Backlog value) {}
}
