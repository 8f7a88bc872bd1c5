package com.pulse.journey.visit;

import com.pulse.journey.state.CallCandidate;
import com.pulse.journey.state.CallOrder;
import com.pulse.journey.state.EstimatedWait;
import com.pulse.journey.state.QueueState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads an exam's queue as it is now: the board, and each waiting patient's estimate (EstimatedWait's formula). */
@Component
class Boards {

  private final JourneyStore store;

  Boards(JourneyStore store) {
    this.store = store;
  }

  /** Estimated minutes per waiting entry of the exam; entries not in line (called, examined) have none. */
  Map<UUID, Integer> estimates(Exam exam) {
    return estimates(exam, store.activeEntries(exam.examId()), openRooms(exam.examId()));
  }

  QueueBoard board(Exam exam, Instant now) {
    List<Entry> entries = store.activeEntries(exam.examId());
    int open = openRooms(exam.examId());
    Map<UUID, Integer> estimates = estimates(exam, entries, open);
    Map<UUID, String> names = store.activeNames(exam.examId()).stream()
        .collect(Collectors.toMap(JourneyStore.Named::queueId, JourneyStore.Named::name));
    Map<String, String> roomNames = store.rooms(exam.examId()).stream()
        .collect(Collectors.toMap(Room::roomId, Room::name));
    Map<UUID, Entry> byId = entries.stream().collect(Collectors.toMap(Entry::queueId, Function.identity()));
    Function<Entry, QueueBoard.Line> line = e -> new QueueBoard.Line(e.queueNumber(),
        QueueBoard.mask(names.getOrDefault(e.queueId(), "?")), e.state().wireName(),
        e.roomId() == null ? null : roomNames.getOrDefault(e.roomId(), e.roomId()), estimates.get(e.queueId()));
    List<QueueBoard.Line> waiting = CallOrder.line(entries.stream().map(Entry::candidate).toList()).stream()
        .map(c -> line.apply(byId.get(c.entryId()))).toList();
    return new QueueBoard(exam.examId(), exam.title(), open,
        entries.stream().filter(e -> e.state() == QueueState.IN_PROGRESS).sorted(BY_NUMBER).map(line).toList(),
        entries.stream().filter(e -> e.state() == QueueState.CALLED).sorted(BY_NUMBER).map(line).toList(),
        waiting, waiting.size(), now);
  }

  private static final Comparator<Entry> BY_NUMBER = Comparator.comparing(Entry::serviceDay)
      .thenComparingInt(Entry::queueNumber);

  private int openRooms(String examId) {
    return (int) store.rooms(examId).stream().filter(Room::open).count();
  }

  private Map<UUID, Integer> estimates(Exam exam, List<Entry> entries, int open) {
    List<CallCandidate<UUID>> line = CallOrder.line(entries.stream().map(Entry::candidate).toList());
    List<Duration> recent = store.recentServiceTimes(exam.examId());
    Map<UUID, Integer> estimates = new HashMap<>();
    for (int ahead = 0; ahead < line.size(); ahead++) {
      OptionalInt minutes = EstimatedWait.minutes(ahead, open, recent, exam.defaultServiceTime());
      if (minutes.isPresent()) {
        estimates.put(line.get(ahead).entryId(), minutes.getAsInt());
      }
    }
    return estimates;
  }
}
