package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every (state, actor, action name) the enums can form is decided as seed 004's table says: the seed's rows give the
 * seed's target, everything else is refused naming the state and what the actor may do instead. The expected values
 * come from {@link SeedTranscription}, never from the table under test.
 */
class TransitionTableTests {

  private final StateMachine machine = StateMachine.fromSeed();

  @Test
  void theEnumsSpellTheSeedsStatesAndActionsInTheSeedsOrder() {
    assertThat(Arrays.stream(JourneyState.values()).map(JourneyState::wireName))
        .containsExactlyElementsOf(SeedTranscription.JOURNEY_STATES);
    assertThat(Arrays.stream(QueueState.values()).map(QueueState::wireName))
        .containsExactlyElementsOf(SeedTranscription.QUEUE_STATES);
    assertThat(Action.byActor(Actor.PATIENT).stream().map(Action::wireName))
        .containsExactlyElementsOf(SeedTranscription.PATIENT_ACTIONS);
    assertThat(Action.byActor(Actor.STAFF).stream().map(Action::wireName))
        .containsExactlyElementsOf(SeedTranscription.STAFF_ACTIONS);
  }

  @Test
  void theRowsAreTheSeedsRowsInTheSeedsOrder() {
    assertThat(machine.transitions()).map(t -> List.of(t.from().wireName(), t.action().actor().wireName(),
        t.action().wireName(), t.to().wireName()))
        .containsExactlyElementsOf(SeedTranscription.TRANSITIONS.stream()
            .map(r -> List.of(r.state(), r.actor(), r.action(), r.target())).toList());
  }

  /** 9 states × 2 actors × 11 distinct action names, all generated from the enums. */
  static Stream<Arguments> everyCombination() {
    List<String> names = Arrays.stream(Action.values()).map(Action::wireName).distinct().toList();
    return Arrays.stream(JourneyState.values()).flatMap(state -> Arrays.stream(Actor.values())
        .flatMap(actor -> names.stream().map(name -> Arguments.of(state, actor, name))));
  }

  @ParameterizedTest(name = "{0} {1}:{2}")
  @MethodSource("everyCombination")
  void isDecidedAsTheSeedsTableSays(JourneyState state, Actor actor, String name) {
    String expected = SeedTranscription.target(state.wireName(), actor.wireName(), name);
    List<String> allowed = SeedTranscription.allowed(state.wireName(), actor.wireName());

    Decision decision = machine.decide(state, actor, name, 0);

    assertThat(machine.availableActionNames(state, actor)).isEqualTo(allowed);
    if (expected != null) {
      assertThat(decision).isInstanceOfSatisfying(Decision.Allowed.class, allowedStep -> {
        assertThat(allowedStep.current()).isEqualTo(state);
        assertThat(allowedStep.action().actor()).isEqualTo(actor);
        assertThat(allowedStep.action().wireName()).isEqualTo(name);
        assertThat(allowedStep.to().wireName()).isEqualTo(expected);
      });
      assertThat(machine.target(state, Action.find(actor, name).orElseThrow()).map(JourneyState::wireName))
          .hasValue(expected);
    } else {
      boolean actorHasIt = (actor == Actor.PATIENT ? SeedTranscription.PATIENT_ACTIONS
          : SeedTranscription.STAFF_ACTIONS).contains(name);
      assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
        assertThat(refused.current()).isEqualTo(state);
        assertThat(refused.actor()).isEqualTo(actor);
        assertThat(refused.actionName()).isEqualTo(name);
        assertThat(refused.reason())
            .isEqualTo(actorHasIt ? Decision.Reason.NOT_ALLOWED_NOW : Decision.Reason.OTHER_ACTORS_ACTION);
        assertThat(refused.allowedActionNames()).isEqualTo(allowed);
        assertThat(refused.detail()).contains(state.wireName()).contains(name)
            .contains(allowed.isEmpty() ? List.of("nothing") : allowed);
      });
    }
  }

  @Test
  void theCombinationsAreFourteenAllowedAndTheRestRefused() {
    List<Decision> decisions = everyCombination().map(Arguments::get)
        .map(a -> machine.decide((JourneyState) a[0], (Actor) a[1], (String) a[2], 0)).toList();

    assertThat(decisions).hasSize(9 * 2 * 11);
    assertThat(decisions).filteredOn(Decision.Allowed.class::isInstance).hasSize(14);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ongoing", "SCAN_NFC", "scan-nfc", "cancel", "join_queue"})
  void anUnknownActionIsRefusedAsUnknownInEveryState(String name) {
    for (JourneyState state : JourneyState.values()) {
      for (Actor actor : Actor.values()) {
        assertThat(machine.decide(state, actor, name, 0)).isInstanceOfSatisfying(Decision.Refused.class,
            refused -> {
              assertThat(refused.reason()).isEqualTo(Decision.Reason.UNKNOWN_ACTION);
              assertThat(refused.allowedActionNames())
                  .isEqualTo(SeedTranscription.allowed(state.wireName(), actor.wireName()));
              assertThat(refused.detail()).contains("Unknown action '" + name + "'").contains(state.wireName());
            });
      }
    }
  }

  @Test
  void completeExamIsTwoActionsOneForEachActorBothLeadingToCompleted() {
    assertThat(Action.actorsNamed("complete_exam")).containsExactlyInAnyOrder(Actor.PATIENT, Actor.STAFF);
    assertThat(Action.find(Actor.PATIENT, "complete_exam")).hasValue(Action.PATIENT_COMPLETE_EXAM);
    assertThat(Action.find(Actor.STAFF, "complete_exam")).hasValue(Action.STAFF_COMPLETE_EXAM);
    assertThat(machine.availableActionNames(JourneyState.IN_PROGRESS, Actor.PATIENT)).containsExactly("complete_exam");
    assertThat(machine.availableActionNames(JourneyState.IN_PROGRESS, Actor.STAFF)).containsExactly("complete_exam");
    assertThat(Action.actorsNamed("call_patient")).containsExactly(Actor.STAFF);
    assertThat(Action.actorsNamed("nope")).isEmpty();
  }

  @Test
  void cancelAppointmentIsAStaffActionTheTableAllowsNowhere() {
    for (JourneyState state : JourneyState.values()) {
      assertThat(machine.decide(state, Action.CANCEL_APPOINTMENT, 0)).isInstanceOf(Decision.Refused.class);
    }
  }

  @Test
  void refusalsReadAsOneSentence() {
    Decision.Refused notNow = (Decision.Refused) machine.decide(JourneyState.WAITING, Actor.PATIENT, "register", 0);
    Decision.Refused notYours = (Decision.Refused) machine.decide(JourneyState.WAITING, Actor.PATIENT, "call_patient",
        0);
    Decision.Refused wrongState = (Decision.Refused) machine.decide(JourneyState.CALLED, Actor.STAFF, "call_patient",
        0);

    assertThat(notNow.detail())
        .isEqualTo("'register' is not allowed now. The patient is WAITING; allowed now for patient: nothing.");
    assertThat(notYours.detail()).isEqualTo("'call_patient' is not a patient action. The patient is WAITING; allowed"
        + " now for patient: nothing.");
    assertThat(wrongState.detail()).isEqualTo("'call_patient' is not allowed now. The patient is CALLED; allowed now"
        + " for staff: start_exam, mark_no_show.");
  }
}
