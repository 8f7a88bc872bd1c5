package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the state machine refuses to be built from: a table it could not answer from unambiguously, or could not
 * publish in the seed's shape. The seed's table passes these checks.
 */
class TableRulesTests {

  private final List<Transition> seedRows = StateMachine.fromSeed().transitions();
  private final Map<QueueState, JourneyState> queueToJourney = mappings();
  private final Map<JourneyState, QueueState> journeyToQueue = Map.of(JourneyState.WAITING, QueueState.WAITING);

  @Test
  void theSeedsTableBuilds() {
    assertThat(new StateMachine(seedRows, queueToJourney, journeyToQueue).transitions()).hasSize(14);
  }

  @Test
  void twoRowsForTheSameStateAndActionAreRejected() {
    List<Transition> rows = new ArrayList<>(seedRows);
    rows.add(new Transition(JourneyState.WAITING, Action.CALL_PATIENT, JourneyState.IN_PROGRESS));

    assertThatThrownBy(() -> new StateMachine(rows, queueToJourney, journeyToQueue))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CALL_PATIENT in WAITING");
  }

  @Test
  void aQueueStateWithoutAJourneyStateIsRejected() {
    Map<QueueState, JourneyState> partial = new LinkedHashMap<>(queueToJourney);
    partial.remove(QueueState.DELAYED);

    assertThatThrownBy(() -> new StateMachine(seedRows, partial, journeyToQueue))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DELAYED");
  }

  @Test
  void oneActionNameLeadingToTwoStatesForTheTwoActorsCannotBePublished() {
    List<Transition> rows = new ArrayList<>(seedRows);
    rows.removeIf(t -> t.action() == Action.STAFF_COMPLETE_EXAM);
    rows.add(new Transition(JourneyState.IN_PROGRESS, Action.STAFF_COMPLETE_EXAM, JourneyState.PAYMENT));

    assertThatThrownBy(() -> new StateMachine(rows, queueToJourney, journeyToQueue))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'complete_exam' in IN_PROGRESS");
  }

  @Test
  void aTransitionNeedsAllThreeParts() {
    assertThatThrownBy(() -> new Transition(JourneyState.WAITING, null, JourneyState.CALLED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<QueueState, JourneyState> mappings() {
    Map<QueueState, JourneyState> all = new LinkedHashMap<>();
    for (QueueState q : QueueState.values()) {
      all.put(q, StateMachine.fromSeed().journeyStateOf(q));
    }
    return all;
  }
}
