package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 004's {@code queue_to_journey} and {@code journey_to_queue}: as transcribed, and round-tripping exactly where
 * the seed makes them inverse (waiting, called, in_progress, completed) and nowhere else.
 */
class QueueJourneyMappingTests {

  private final StateMachine machine = StateMachine.fromSeed();

  @ParameterizedTest
  @EnumSource(QueueState.class)
  void everyQueueStateHasTheSeedsJourneyState(QueueState queueState) {
    assertThat(machine.journeyStateOf(queueState).wireName())
        .isEqualTo(SeedTranscription.QUEUE_TO_JOURNEY.get(queueState.wireName()));
  }

  @ParameterizedTest
  @EnumSource(JourneyState.class)
  void aJourneyStateHasTheSeedsQueueStateOrNone(JourneyState journeyState) {
    assertThat(machine.queueStateOf(journeyState).map(QueueState::wireName))
        .isEqualTo(Optional.ofNullable(SeedTranscription.JOURNEY_TO_QUEUE.get(journeyState.wireName())));
  }

  @Test
  void theFourJourneyStatesWithAnEntryRoundTrip() {
    List<JourneyState> withEntry = Arrays.stream(JourneyState.values())
        .filter(j -> machine.queueStateOf(j).isPresent()).toList();

    assertThat(withEntry).containsExactly(JourneyState.WAITING, JourneyState.CALLED, JourneyState.IN_PROGRESS,
        JourneyState.COMPLETED);
    withEntry.forEach(j -> assertThat(machine.journeyStateOf(machine.queueStateOf(j).orElseThrow())).isEqualTo(j));
  }

  @Test
  void queueStatesRoundTripExceptTheThreeTheSeedFoldsIntoAnother() {
    for (QueueState q : QueueState.values()) {
      QueueState back = machine.queueStateOf(machine.journeyStateOf(q)).orElseThrow();
      switch (q) {
        case DELAYED, NO_SHOW -> assertThat(back).as(q.wireName()).isEqualTo(QueueState.WAITING);
        case CANCELLED -> assertThat(back).as(q.wireName()).isEqualTo(QueueState.COMPLETED);
        default -> assertThat(back).as(q.wireName()).isEqualTo(q);
      }
    }
  }

  @Test
  void statesBeforeTheFirstQueueAndAfterTheLastHaveNoEntry() {
    for (JourneyState j : List.of(JourneyState.UNREGISTERED, JourneyState.ARRIVED, JourneyState.REGISTERED,
        JourneyState.PAYMENT, JourneyState.FINISHED)) {
      assertThat(machine.queueStateOf(j)).as(j.name()).isEmpty();
    }
  }

  @Test
  void wireNamesReadBackAndTheSeedsOldNamesDoNot() {
    Arrays.stream(QueueState.values())
        .forEach(q -> assertThat(QueueState.fromWireName(q.wireName())).hasValue(q));
    Arrays.stream(JourneyState.values())
        .forEach(j -> assertThat(JourneyState.fromWireName(j.wireName())).hasValue(j));
    assertThat(QueueState.fromWireName("ongoing")).isEmpty();
    assertThat(QueueState.fromWireName("WAITING")).isEmpty();
    assertThat(JourneyState.fromWireName("ONGOING")).isEmpty();
    assertThat(JourneyState.fromWireName("waiting")).isEmpty();
  }
}
