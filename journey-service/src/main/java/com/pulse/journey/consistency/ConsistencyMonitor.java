package com.pulse.journey.consistency;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the check periodically (one instance at a time) and keeps its counts as gauges:
 * {@code pulse.journey.consistency.issues{kind=mismatch|orphaned|several_active_entries|invalid_transition}} (an alert
 * fires on any of them above 0), {@code pulse.journey.patients{state}} and the time of the last run.
 */
@Component
class ConsistencyMonitor {

  private final ConsistencyCheck check;
  private final Map<String, AtomicLong> issues = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> states = new ConcurrentHashMap<>();
  private final AtomicLong lastRun = new AtomicLong();
  private final MeterRegistry registry;

  ConsistencyMonitor(ConsistencyCheck check, MeterRegistry registry) {
    this.check = check;
    this.registry = registry;
    for (String kind : new String[] {"mismatch", "orphaned", "several_active_entries", "invalid_transition"}) {
      issues.put(kind, new AtomicLong());
      Gauge.builder("pulse.journey.consistency.issues", issues.get(kind), AtomicLong::get).tag("kind", kind)
          .description("journey/queue inconsistencies the last check found").register(registry);
    }
    Gauge.builder("pulse.journey.consistency.last.run", lastRun, AtomicLong::get).baseUnit("seconds")
        .description("when the consistency check last ran (epoch seconds)").register(registry);
  }

  /** Runs the check now and updates the gauges. */
  ConsistencyReport runAndRecord() {
    ConsistencyReport report = check.run();
    issues.get("mismatch").set(report.mismatches().size());
    issues.get("orphaned").set(report.orphans().size());
    issues.get("several_active_entries").set(report.several_active_entries().size());
    issues.get("invalid_transition").set(report.invalid_transitions().size());
    report.state_distribution().forEach((state, count) -> states.computeIfAbsent(state, s -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("pulse.journey.patients", value, AtomicLong::get).tag("state", s)
          .description("patients per journey state at the last check").register(registry);
      return value;
    }).set(count));
    lastRun.set(report.checked_at().getEpochSecond());
    return report;
  }

  @Scheduled(initialDelayString = "${pulse.journey.consistency-interval:PT1M}",
      fixedDelayString = "${pulse.journey.consistency-interval:PT1M}")
  @SchedulerLock(name = "journey-consistency")
  void periodically() {
    runAndRecord();
  }
}
