package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mark_no_show}: the seed's table sends the patient back to WAITING (from CALLED, and keeps WAITING as is);
 * issue 13 adds that a second no-show cancels the entry, after which the journey follows the cancelled entry
 * ({@code cancelled → COMPLETED}). The count is an argument, so the rule is a function.
 */
class NoShowTests {

  private final StateMachine machine = StateMachine.fromSeed();

  @ParameterizedTest
  @EnumSource(names = {"CALLED", "WAITING"})
  void theFirstNoShowLeavesThePatientWaitingWithTheEntryMarkedButInLine(JourneyState from) {
    Decision.Allowed first = (Decision.Allowed) machine.decide(from, Action.MARK_NO_SHOW, 0);

    assertThat(first.to()).isEqualTo(JourneyState.WAITING);
    assertThat(first.entryState()).hasValue(QueueState.NO_SHOW);
    assertThat(machine.journeyStateOf(QueueState.NO_SHOW)).as("the seed's mapping agrees").isEqualTo(first.to());
    assertThat(QueueState.NO_SHOW.isActive()).isTrue();
    assertThat(first.changesState()).isEqualTo(from != JourneyState.WAITING);
  }

  @ParameterizedTest
  @EnumSource(names = {"CALLED", "WAITING"})
  void theSecondNoShowCancelsTheEntryAndTheJourneyFollowsIt(JourneyState from) {
    Decision.Allowed second = (Decision.Allowed) machine.decide(from, Action.MARK_NO_SHOW, 1);

    assertThat(second.entryState()).hasValue(QueueState.CANCELLED);
    assertThat(second.to()).isEqualTo(JourneyState.COMPLETED);
    assertThat(machine.availableActionNames(second.to(), Actor.PATIENT))
        .as("not stuck: the patient may queue again or go and pay").containsExactly("confirm_arrival", "make_payment");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 10})
  void anyLaterNoShowCancelsToo(int noShowsSoFar) {
    Decision.Allowed later = (Decision.Allowed) machine.decide(JourneyState.CALLED, Action.MARK_NO_SHOW, noShowsSoFar);

    assertThat(later.entryState()).hasValue(QueueState.CANCELLED);
    assertThat(later.to()).isEqualTo(JourneyState.COMPLETED);
  }

  @Test
  void theCountDoesNotMatterToAnyOtherAction() {
    for (JourneyState state : JourneyState.values()) {
      for (Action action : Action.values()) {
        if (action != Action.MARK_NO_SHOW) {
          assertThat(machine.decide(state, action, 5)).as(state + " " + action)
              .isEqualTo(machine.decide(state, action, 0));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"CALLED", "WAITING"}, mode = EnumSource.Mode.EXCLUDE)
  void isRefusedWhereTheTableHasNoNoShowWhateverTheCount(JourneyState state) {
    for (int count = 0; count < 3; count++) {
      assertThat(machine.decide(state, Action.MARK_NO_SHOW, count)).isInstanceOfSatisfying(Decision.Refused.class,
          refused -> assertThat(refused.reason()).isEqualTo(Decision.Reason.NOT_ALLOWED_NOW));
    }
  }

  @Test
  void aNegativeCountIsABug() {
    assertThatThrownBy(() -> machine.decide(JourneyState.CALLED, Action.MARK_NO_SHOW, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> machine.decide(JourneyState.CALLED, Actor.STAFF, "mark_no_show", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWireLevelDecisionAppliesTheRuleToo() {
    assertThat(machine.decide(JourneyState.CALLED, Actor.STAFF, "mark_no_show", 1))
        .isEqualTo(new Decision.Allowed(JourneyState.CALLED, Action.MARK_NO_SHOW, JourneyState.COMPLETED,
            Optional.of(QueueState.CANCELLED)));
  }
}
