package com.pulse.spc.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Alerts nobody has acknowledged yet, as gauges read from the database (so every instance reports the same, whoever
 * raised them): {@code pulse.spc.alerts.open{priority}} and {@code pulse.spc.alerts.oldest.open.age{priority}} (seconds
 * since the oldest OPEN alert of that priority was raised, 0 when there is none). One grouped query over the partial
 * index of OPEN alerts answers all of them, at most once per {@code spc.alerts.metrics-max-age} however often they
 * are scraped.
 */
@Component
class OpenAlertMetrics {

  static final String OPEN = "pulse.spc.alerts.open";
  static final String OLDEST = "pulse.spc.alerts.oldest.open.age";

  /** What one query saw: per priority, the count and when the oldest was raised. */
  private record Snapshot(Map<Integer, Long> counts, Map<Integer, Instant> oldest, long takenNanos) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final long maxAgeNanos;
  private volatile Snapshot snapshot;

  OpenAlertMetrics(JdbcClient jdbc, MeterRegistry registry,
      @Value("${spc.alerts.metrics-max-age:PT10S}") Duration maxAge) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
    this.maxAgeNanos = maxAge.toNanos();
    for (int priority = 1; priority <= 5; priority++) {
      int p = priority;
      Gauge.builder(OPEN, this, m -> m.snapshot().counts().getOrDefault(p, 0L))
          .tag("priority", String.valueOf(p))
          .description("SPC alerts raised and not yet acknowledged or resolved").register(registry);
      Gauge.builder(OLDEST, this, m -> m.oldestAgeSeconds(p)).baseUnit("seconds")
          .tag("priority", String.valueOf(p))
          .description("how long the oldest unacknowledged SPC alert has been open, 0 when none is")
          .register(registry);
    }
  }

  private double oldestAgeSeconds(int priority) {
    Instant oldest = snapshot().oldest().get(priority);
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.takenNanos() >= maxAgeNanos) {
      synchronized (this) {
        current = snapshot;
        if (current == null || System.nanoTime() - current.takenNanos() >= maxAgeNanos) {
          current = read();
          snapshot = current;
        }
      }
    }
    return current;
  }

  private Snapshot read() {
    Map<Integer, Long> counts = new HashMap<>();
    Map<Integer, Instant> oldest = new HashMap<>();
    jdbc.sql("select priority, count(*) as n, min(created_at) as oldest from spc_alert where status = 'OPEN' "
        + "group by priority").query((row, i) -> {
          int priority = row.getInt("priority");
          counts.put(priority, row.getLong("n"));
          Timestamp time = row.getTimestamp("oldest");
          oldest.put(priority, time.toInstant());
          return priority;
        }).list();
    return new Snapshot(counts, oldest, System.nanoTime());
  }
}
