package com.pulse.notification.channel;

import com.pulse.notification.stream.PartitionId;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import com.pulse.notification.stream.StreamPosition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each channel's recent events, for recovery and {@code history}. An event is one {@link Entry} (its bytes held once)
 * referenced by the log of every channel it was routed to. A log drops its oldest entries beyond the count and time
 * limits and remembers, per partition, the last offset it dropped: a client that has seen at least that far is
 * recoverable, anyone else is told it is not.
 *
 * <p>Not thread-safe: used under the {@link Dispatcher}'s lock, in the intake's order.
 */
final class ChannelHistory {

  /**
   * One event as delivered: {@code seq} is this instance's arrival number (local, never shown to clients; it orders
   * entries across partitions), {@code channels} every channel it was routed to.
   */
  record Entry(long seq, StreamEvent event, List<String> channels) {}

  /** What a reader gets from a channel since a position. */
  record Recovery(boolean recovered, List<Entry> entries) {}

  private final Map<String, Log> logs = new HashMap<>();
  private final Map<PartitionId, Long> firstOffsets = new HashMap<>();
  private final HistoryProperties limits;
  private final Clock clock;
  private long nextSweep;

  ChannelHistory(HistoryProperties limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** History of the partition on this instance starts at {@code firstOffset}. */
  void assigned(PartitionId partition, long firstOffset) {
    firstOffsets.putIfAbsent(partition, firstOffset);
  }

  void append(Entry entry) {
    Instant cutoff = clock.instant().minus(limits.window());
    for (String channel : entry.channels()) {
      Log log = logs.computeIfAbsent(channel, name -> new Log());
      log.entries.addLast(entry);
      log.trim(limits.maxEvents(), cutoff);
    }
    long now = clock.millis();
    if (now >= nextSweep) {
      // channels that receive nothing still let go of events older than the window
      nextSweep = now + 10_000;
      logs.values().removeIf(log -> {
        log.trim(limits.maxEvents(), cutoff);
        return log.entries.isEmpty() && log.trimmedThrough.isEmpty();
      });
    }
  }

  /**
   * The channel's events after {@code since}, in arrival order; not recovered (and nothing returned) when some were
   * already dropped or were never read by this instance.
   */
  Recovery since(String channel, StreamPosition since) {
    Log log = logs.get(channel);
    Set<PartitionId> partitions = new HashSet<>(firstOffsets.keySet());
    if (log != null) {
      partitions.addAll(log.trimmedThrough.keySet());
    }
    for (PartitionId partition : partitions) {
      long dropped = log == null ? -1 : log.trimmedThrough.getOrDefault(partition, -1L);
      long known = Math.max(dropped, firstOffsets.getOrDefault(partition, 0L) - 1);
      if (since.offset(partition) < known) {
        return new Recovery(false, List.of());
      }
    }
    if (log == null) {
      return new Recovery(true, List.of());
    }
    List<Entry> after = new ArrayList<>();
    for (Entry entry : log.entries) {
      if (since.isBefore(entry.event().position())) {
        after.add(entry);
      }
    }
    return new Recovery(true, after);
  }

  /** The channel's last {@code limit} events, oldest first. */
  List<Entry> last(String channel, int limit) {
    Log log = logs.get(channel);
    if (log == null) {
      return List.of();
    }
    List<Entry> last = new ArrayList<>(Math.min(limit, log.entries.size()));
    Iterator<Entry> newestFirst = log.entries.descendingIterator();
    while (newestFirst.hasNext() && last.size() < limit) {
      last.add(newestFirst.next());
    }
    return last.reversed();
  }

  /** Events held, counting an event once however many channels list it (for tests and diagnostics). */
  int size() {
    Set<Long> distinct = new HashSet<>();
    logs.values().forEach(log -> log.entries.forEach(entry -> distinct.add(entry.seq())));
    return distinct.size();
  }

  private static final class Log {
    final ArrayDeque<Entry> entries = new ArrayDeque<>();
    final Map<PartitionId, Long> trimmedThrough = new HashMap<>();

    void trim(int maxEvents, Instant cutoff) {
      while (!entries.isEmpty()
          && (entries.size() > maxEvents || entries.peekFirst().event().time().isBefore(cutoff))) {
        Position dropped = entries.pollFirst().event().position();
        trimmedThrough.merge(PartitionId.of(dropped), dropped.offset(), Math::max);
      }
    }
  }
}
