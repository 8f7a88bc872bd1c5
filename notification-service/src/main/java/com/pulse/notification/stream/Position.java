package com.pulse.notification.stream;

import java.util.Objects;

/**
 * Where an event sits in Kafka: topic, partition, offset. Derived from the broker, not from a local counter, so every
 * instance gives the same event the same position and a client can name it to any instance (recovery).
 * Within one partition, a higher offset is a later event.
 *
 * <p>Written as {@code <topic>:<partition>:<offset>}, e.g. {@code ocs.orders.v1:2:1187}; Kafka topic names cannot
 * contain {@code :}, so the form is unambiguous.
 */
public record Position(String topic, int partition, long offset) implements Comparable<Position> {

  public Position {
    Objects.requireNonNull(topic, "topic");
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException("partition and offset are never negative");
    }
  }

  /**
   * Reads the {@link #toString()} form.
   *
   * @throws IllegalArgumentException when the text is not a position
   */
  public static Position parse(String text) {
    int last = text == null ? -1 : text.lastIndexOf(':');
    int middle = last <= 0 ? -1 : text.lastIndexOf(':', last - 1);
    if (middle <= 0) {
      throw new IllegalArgumentException("not a position: " + text);
    }
    try {
      return new Position(text.substring(0, middle), Integer.parseInt(text.substring(middle + 1, last)),
          Long.parseLong(text.substring(last + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a position: " + text, e);
    }
  }

  /** True when both positions are in the same partition of the same topic, so their offsets compare. */
  public boolean samePartition(Position other) {
    return partition == other.partition && topic.equals(other.topic);
  }

  /** Orders by topic, partition, then offset: a total order, meaningful in time only within one partition. */
  @Override
  public int compareTo(Position other) {
    int byTopic = topic.compareTo(other.topic);
    if (byTopic != 0) {
      return byTopic;
    }
    int byPartition = Integer.compare(partition, other.partition);
    return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
  }

  @Override
  public String toString() {
    return topic + ':' + partition + ':' + offset;
  }
}
