package com.pulse.notification.stream;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a reader of a channel (or of several) stands: for each partition, the offset of the last event it has
 * accounted for ({@code -1}: nothing yet). Kafka offsets mean the same on every instance, so a position given out by one
 * instance resumes on any other, whatever order that instance interleaved the partitions in.
 *
 * <p>Written compactly, partitions grouped by topic: {@code ocs.orders.v1:0:15,1:7,2:-1;spc.alerts.v1:0:3}. A single
 * event's position ({@code ocs.orders.v1:2:1187}) is the same syntax with one partition named. A partition a position
 * does not name counts as {@code -1}; the empty string names none.
 */
public final class StreamPosition {

  public static final StreamPosition EMPTY = new StreamPosition(Map.of());

  private final Map<PartitionId, Long> offsets;

  private StreamPosition(Map<PartitionId, Long> offsets) {
    this.offsets = offsets;
  }

  public static StreamPosition of(Map<PartitionId, Long> offsets) {
    return new StreamPosition(Collections.unmodifiableMap(new TreeMap<>(offsets)));
  }

  /**
   * Reads the written form.
   *
   * @throws IllegalArgumentException when the text is not a position
   */
  public static StreamPosition parse(String text) {
    if (text == null || text.length() > 4096 || !text.isEmpty() && text.isBlank()) {
      throw new IllegalArgumentException("not a position: " + text);
    }
    if (text.isEmpty()) {
      // the position of an instance that has no partition yet
      return EMPTY;
    }
    Map<PartitionId, Long> offsets = new TreeMap<>();
    try {
      for (String group : text.split(";", -1)) {
        int colon = group.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("not a position: " + text);
        }
        String topic = group.substring(0, colon);
        for (String pair : group.substring(colon + 1).split(",", -1)) {
          int at = pair.indexOf(':');
          if (at <= 0) {
            throw new IllegalArgumentException("not a position: " + text);
          }
          int partition = Integer.parseInt(pair.substring(0, at));
          long offset = Long.parseLong(pair.substring(at + 1));
          if (partition < 0 || offset < -1) {
            throw new IllegalArgumentException("not a position: " + text);
          }
          offsets.put(new PartitionId(topic, partition), offset);
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a position: " + text, e);
    }
    return new StreamPosition(Collections.unmodifiableMap(offsets));
  }

  /** The last offset accounted for in the partition, {@code -1} when none. */
  public long offset(PartitionId partition) {
    return offsets.getOrDefault(partition, -1L);
  }

  /** True when the event at {@code position} is after this position (not yet accounted for). */
  public boolean isBefore(Position position) {
    return position.offset() > offset(PartitionId.of(position));
  }

  public Map<PartitionId, Long> offsets() {
    return offsets;
  }

  /** This position moved past the event (each partition's offset only grows). */
  public StreamPosition with(Position position) {
    PartitionId partition = PartitionId.of(position);
    if (offset(partition) >= position.offset()) {
      return this;
    }
    Map<PartitionId, Long> moved = new TreeMap<>(offsets);
    moved.put(partition, position.offset());
    return new StreamPosition(Collections.unmodifiableMap(moved));
  }

  /** The later of the two in every partition. */
  public StreamPosition max(StreamPosition other) {
    Map<PartitionId, Long> merged = new TreeMap<>(offsets);
    other.offsets.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
    return new StreamPosition(Collections.unmodifiableMap(merged));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StreamPosition that && offsets.equals(that.offsets);
  }

  @Override
  public int hashCode() {
    return offsets.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    String topic = null;
    for (Map.Entry<PartitionId, Long> entry : offsets.entrySet()) {
      if (!entry.getKey().topic().equals(topic)) {
        if (topic != null) {
          text.append(';');
        }
        topic = entry.getKey().topic();
        text.append(topic).append(':');
      } else {
        text.append(',');
      }
      text.append(entry.getKey().partition()).append(':').append(entry.getValue());
    }
    return text.toString();
  }
}
