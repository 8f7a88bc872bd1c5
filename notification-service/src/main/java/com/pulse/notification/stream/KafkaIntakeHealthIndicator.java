package com.pulse.notification.stream;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Up once the intake has positioned itself on Kafka and its poll thread runs. Part of the readiness group: an
 * instance that reads no events should get no new clients.
 */
@Component
final class KafkaIntakeHealthIndicator implements HealthIndicator {

  private final EventStream stream;

  KafkaIntakeHealthIndicator(EventStream stream) {
    this.stream = stream;
  }

  @Override
  public Health health() {
    Health.Builder health = stream.positioned() ? Health.up() : Health.down();
    long lastPoll = stream.lastPollNanos();
    health.withDetail("partitions", stream.partitionCount());
    if (lastPoll != 0) {
      health.withDetail("lastPollMillisAgo", (System.nanoTime() - lastPoll) / 1_000_000);
    }
    return health.build();
  }
}
