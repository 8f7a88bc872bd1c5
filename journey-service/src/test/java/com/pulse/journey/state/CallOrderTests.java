package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is called next: priority, then arrival; a delayed entry is skipped until its time but keeps its place. */
class CallOrderTests {

  private static final Instant NINE = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void higherPriorityFirstThenEarlierArrival() {
    List<CallCandidate<String>> entries = List.of(
        waiting("A", 0, 1, 1),
        waiting("B", 1, 3, 3),
        waiting("C", 0, 2, 2),
        waiting("D", 1, 4, 4));

    assertThat(ids(CallOrder.line(entries))).containsExactly("B", "D", "A", "C");
    assertThat(CallOrder.next(entries, NINE)).map(CallCandidate::entryId).hasValue("B");
  }

  @Test
  void theQueueNumberBreaksATieOfArrival() {
    List<CallCandidate<String>> entries = List.of(waiting("second", 0, 1, 8), waiting("first", 0, 1, 7));

    assertThat(ids(CallOrder.line(entries))).containsExactly("first", "second");
  }

  @Test
  void onlyEntriesThatWaitInLineAreInIt() {
    List<CallCandidate<String>> entries = List.of(
        entry("called", QueueState.CALLED, 0, 1, null),
        entry("examined", QueueState.IN_PROGRESS, 0, 2, null),
        entry("done", QueueState.COMPLETED, 0, 3, null),
        entry("gone", QueueState.CANCELLED, 0, 4, null),
        entry("missed-once", QueueState.NO_SHOW, 0, 5, null),
        entry("delayed", QueueState.DELAYED, 0, 6, null),
        entry("waiting", QueueState.WAITING, 0, 7, null));

    assertThat(ids(CallOrder.line(entries))).containsExactly("missed-once", "delayed", "waiting");
  }

  @Test
  void aDelayedEntryIsSkippedUntilItsTimeAndThenHasItsPlaceBack() {
    Instant until = NINE.plus(Duration.ofMinutes(10));
    List<CallCandidate<String>> entries = List.of(
        entry("early-but-delayed", QueueState.DELAYED, 0, 1, until),
        waiting("later", 0, 2, 2),
        waiting("latest", 0, 3, 3));

    assertThat(ids(CallOrder.line(entries))).as("the board keeps the place").containsExactly("early-but-delayed",
        "later", "latest");
    assertThat(CallOrder.next(entries, NINE)).map(CallCandidate::entryId).hasValue("later");
    assertThat(CallOrder.next(entries, until.minusMillis(1))).map(CallCandidate::entryId).hasValue("later");
    assertThat(CallOrder.next(entries, until)).map(CallCandidate::entryId).hasValue("early-but-delayed");
  }

  @Test
  void aHeldUrgentEntryLetsTheNextCallableOneGo() {
    List<CallCandidate<String>> entries = List.of(
        entry("urgent-held", QueueState.DELAYED, 2, 5, NINE.plusSeconds(60)),
        waiting("routine", 0, 1, 1));

    assertThat(CallOrder.next(entries, NINE)).map(CallCandidate::entryId).hasValue("routine");
    assertThat(CallOrder.next(entries, NINE.plusSeconds(60))).map(CallCandidate::entryId).hasValue("urgent-held");
  }

  @Test
  void theExtremesOfPriorityStillSort() {
    List<CallCandidate<String>> entries = List.of(waiting("lowest", Integer.MIN_VALUE, 1, 1),
        waiting("highest", Integer.MAX_VALUE, 2, 2), waiting("normal", 0, 3, 3));

    assertThat(ids(CallOrder.line(entries))).containsExactly("highest", "normal", "lowest");
  }

  @Test
  void nobodyToCall() {
    assertThat(CallOrder.next(List.<CallCandidate<String>>of(), NINE)).isEmpty();
    assertThat(CallOrder.next(List.of(entry("held", QueueState.DELAYED, 0, 1, NINE.plusSeconds(1)),
        entry("called", QueueState.CALLED, 0, 2, null)), NINE)).isEmpty();
  }

  @Test
  void thePlaceInLineIsThePositionForTheEstimatedWait() {
    List<CallCandidate<String>> line = CallOrder.line(List.of(waiting("A", 0, 1, 1), waiting("B", 0, 2, 2),
        waiting("C", 0, 3, 3)));

    int patientsAheadOfC = ids(line).indexOf("C");

    assertThat(EstimatedWait.minutes(patientsAheadOfC, 1, List.of(), Duration.ofMinutes(5))).hasValue(10);
  }

  private static CallCandidate<String> waiting(String id, int priority, int minuteOfArrival, int queueNumber) {
    return new CallCandidate<>(id, QueueState.WAITING, priority, NINE.plus(Duration.ofMinutes(minuteOfArrival)),
        queueNumber, null);
  }

  private static CallCandidate<String> entry(String id, QueueState state, int priority, int minuteOfArrival,
      Instant heldUntil) {
    return new CallCandidate<>(id, state, priority, NINE.plus(Duration.ofMinutes(minuteOfArrival)), minuteOfArrival,
        heldUntil);
  }

  private static List<String> ids(List<CallCandidate<String>> line) {
    return line.stream().map(CallCandidate::entryId).toList();
  }
}
