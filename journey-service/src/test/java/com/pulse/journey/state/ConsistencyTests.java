package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What seed 004's {@code check_state_health} reports for one patient, as a function of the states alone. */
class ConsistencyTests {

  @ParameterizedTest
  @EnumSource(QueueState.class)
  void anActiveEntryAgreesOnlyWithItsMappedJourneyState(QueueState entry) {
    JourneyState mapped = StateMachine.fromSeed().journeyStateOf(entry);
    for (JourneyState journey : JourneyState.values()) {
      Consistency expected = !entry.isActive() ? noEntryVerdict(journey)
          : journey == mapped ? Consistency.CONSISTENT : Consistency.MISMATCH;
      assertThat(Consistency.of(journey, List.of(entry))).as(journey + " with " + entry).isEqualTo(expected);
    }
  }

  @Test
  void waitingCalledAndInProgressWithoutAnActiveEntryAreOrphans() {
    assertThat(Consistency.of(JourneyState.WAITING, List.of())).isEqualTo(Consistency.ORPHANED);
    assertThat(Consistency.of(JourneyState.CALLED, List.of(QueueState.COMPLETED))).isEqualTo(Consistency.ORPHANED);
    assertThat(Consistency.of(JourneyState.IN_PROGRESS, List.of(QueueState.CANCELLED)))
        .isEqualTo(Consistency.ORPHANED);
  }

  @Test
  void delayedAndNoShowEntriesKeepAWaitingPatientFromBeingAnOrphan() {
    assertThat(Consistency.of(JourneyState.WAITING, List.of(QueueState.DELAYED))).isEqualTo(Consistency.CONSISTENT);
    assertThat(Consistency.of(JourneyState.WAITING, List.of(QueueState.NO_SHOW))).isEqualTo(Consistency.CONSISTENT);
  }

  @Test
  void finishedEntriesAreHistory() {
    assertThat(Consistency.of(JourneyState.PAYMENT, List.of(QueueState.COMPLETED, QueueState.CANCELLED)))
        .isEqualTo(Consistency.CONSISTENT);
    assertThat(Consistency.of(JourneyState.WAITING, List.of(QueueState.COMPLETED, QueueState.WAITING)))
        .isEqualTo(Consistency.CONSISTENT);
  }

  @Test
  void twoActiveEntriesAreReportedWhateverTheJourneySays() {
    assertThat(Consistency.of(JourneyState.WAITING, List.of(QueueState.WAITING, QueueState.DELAYED)))
        .isEqualTo(Consistency.SEVERAL_ACTIVE_ENTRIES);
  }

  @Test
  void activeMeansNotCompletedAndNotCancelled() {
    assertThat(List.of(QueueState.values()).stream().filter(QueueState::isActive)).containsExactly(
        QueueState.WAITING, QueueState.DELAYED, QueueState.CALLED, QueueState.NO_SHOW, QueueState.IN_PROGRESS);
  }

  private static Consistency noEntryVerdict(JourneyState journey) {
    return List.of(JourneyState.WAITING, JourneyState.CALLED, JourneyState.IN_PROGRESS).contains(journey)
        ? Consistency.ORPHANED : Consistency.CONSISTENT;
  }
}
