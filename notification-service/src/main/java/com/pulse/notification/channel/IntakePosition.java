package com.pulse.notification.channel;

import com.pulse.notification.stream.PartitionId;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where this instance's intake stands — the last offset read in every partition it reads — and what makes a client's
 * position a whole resume point against it. Not thread-safe: used under the {@link Dispatcher}'s lock.
 */
final class IntakePosition {

  private final Map<PartitionId, Long> current = new HashMap<>();
  private final Map<PartitionId, Long> firstOffsets = new HashMap<>();

  /** The partition is read from {@code firstOffset} on. */
  void assigned(PartitionId partition, long firstOffset) {
    current.merge(partition, firstOffset - 1, Math::max);
    firstOffsets.putIfAbsent(partition, firstOffset);
  }

  void read(Position event) {
    current.put(PartitionId.of(event), event.offset());
  }

  StreamPosition now() {
    return StreamPosition.of(current);
  }

  /**
   * Refuses a position that is not a whole resume point: one naming a partition this service does not read
   * (foreign), or leaving out one it does (partial) — unless this instance holds that partition from its very first
   * offset, as a topic created after the position was given out: "from the beginning" is then exactly right.
   */
  void check(StreamPosition since) {
    for (PartitionId named : since.offsets().keySet()) {
      if (!current.containsKey(named)) {
        throw new PositionRefused("the position names " + named + ", which this service does not read: it is not a"
            + " position given by this service");
      }
    }
    List<String> missing = new ArrayList<>();
    for (PartitionId known : current.keySet()) {
      if (!since.offsets().containsKey(known) && firstOffsets.getOrDefault(known, 0L) > 0) {
        missing.add(known.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new PositionRefused("the position is partial: it leaves out " + String.join(", ", missing)
          + "; send back a whole position as this service gave it");
    }
  }
}
