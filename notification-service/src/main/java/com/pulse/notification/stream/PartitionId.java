package com.pulse.notification.stream;

import java.util.Objects;

/** One partition of one topic, without Kafka's types (only the intake talks to Kafka). */
public record PartitionId(String topic, int partition) implements Comparable<PartitionId> {

  public PartitionId {
    Objects.requireNonNull(topic, "topic");
  }

  public static PartitionId of(Position position) {
    return new PartitionId(position.topic(), position.partition());
  }

  /** {@code ocs.orders.v1:2}, as a position writes it. */
  @Override
  public String toString() {
    return topic + ':' + partition;
  }

  @Override
  public int compareTo(PartitionId other) {
    int byTopic = topic.compareTo(other.topic);
    return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
  }
}
