package com.pulse.bench.socket;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A client's stream position as the protocol describes it (notification-service PROTOCOL.md, "Positions and
 * recovery"): per topic and partition, the offset of the last event accounted for, written
 * {@code ocs.orders.v1:0:15,1:7;spc.alerts.v1:0:3}. Not thread-safe: each connection keeps its own on its event loop.
 */
final class StreamPositions {

  private final Map<String, Map<Integer, Long>> offsets = new TreeMap<>();

  /** Takes the later offset of the two in every partition the text names (an event position names one). */
  void merge(String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (String group : text.split(";")) {
      int colon = group.indexOf(':');
      String topic = group.substring(0, colon);
      Map<Integer, Long> partitions = offsets.computeIfAbsent(topic, name -> new TreeMap<>());
      for (String pair : group.substring(colon + 1).split(",")) {
        int at = pair.indexOf(':');
        partitions.merge(Integer.parseInt(pair.substring(0, at)), Long.parseLong(pair.substring(at + 1)), Math::max);
      }
    }
  }

  boolean isEmpty() {
    return offsets.isEmpty();
  }

  @Override
  public String toString() {
    StringJoiner groups = new StringJoiner(";");
    offsets.forEach((topic, partitions) -> {
      StringJoiner pairs = new StringJoiner(",", topic + ":", "");
      partitions.forEach((partition, offset) -> pairs.add(partition + ":" + offset));
      groups.add(pairs.toString());
    });
    return groups.toString();
  }
}
