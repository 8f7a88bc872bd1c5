package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole visits, step by step, the way the service will apply decisions: the journey state, the queue entries and
 * what each side may do next, and journey and queue agreeing ({@link Consistency}) after every step.
 */
class JourneyWalkTests {

  private final StateMachine machine = StateMachine.fromSeed();

  @Test
  void aVisitWithTwoExamsFromArrivalToLeavingAndTheNextVisit() {
    Visit visit = new Visit();

    visit.step(Actor.PATIENT, "scan_nfc", null).expect(JourneyState.ARRIVED, "register", "");
    visit.step(Actor.PATIENT, "register", null).expect(JourneyState.REGISTERED, "confirm_arrival", "");
    visit.step(Actor.PATIENT, "confirm_arrival", "XRAY")
        .expect(JourneyState.WAITING, "", "call_patient mark_no_show").entries("XRAY=waiting");
    visit.step(Actor.STAFF, "call_patient", null)
        .expect(JourneyState.CALLED, "enter_exam_room", "start_exam mark_no_show").entries("XRAY=called");
    visit.step(Actor.STAFF, "start_exam", null)
        .expect(JourneyState.IN_PROGRESS, "complete_exam", "complete_exam").entries("XRAY=in_progress");
    visit.step(Actor.STAFF, "complete_exam", null)
        .expect(JourneyState.COMPLETED, "confirm_arrival make_payment", "").entries("XRAY=completed");

    visit.step(Actor.PATIENT, "confirm_arrival", "BLOOD")
        .expect(JourneyState.WAITING, "", "call_patient mark_no_show").entries("XRAY=completed BLOOD=waiting");
    visit.step(Actor.STAFF, "call_patient", null).expect(JourneyState.CALLED, "enter_exam_room",
        "start_exam mark_no_show").entries("XRAY=completed BLOOD=called");
    visit.step(Actor.PATIENT, "enter_exam_room", null)
        .expect(JourneyState.IN_PROGRESS, "complete_exam", "complete_exam")
        .entries("XRAY=completed BLOOD=in_progress");
    visit.step(Actor.PATIENT, "complete_exam", null)
        .expect(JourneyState.COMPLETED, "confirm_arrival make_payment", "")
        .entries("XRAY=completed BLOOD=completed");

    visit.step(Actor.PATIENT, "make_payment", null).expect(JourneyState.PAYMENT, "make_payment", "")
        .entries("XRAY=completed BLOOD=completed");
    visit.step(Actor.PATIENT, "make_payment", null).expect(JourneyState.FINISHED, "leave_hospital", "");
    visit.step(Actor.PATIENT, "leave_hospital", null).expect(JourneyState.UNREGISTERED, "scan_nfc", "");

    Visit nextVisit = visit.nextDay();
    nextVisit.step(Actor.PATIENT, "scan_nfc", null).expect(JourneyState.ARRIVED, "register", "").entries("");

    assertThat(visit.log).containsExactly(
        "UNREGISTERED -patient:scan_nfc-> ARRIVED",
        "ARRIVED -patient:register-> REGISTERED",
        "REGISTERED -patient:confirm_arrival-> WAITING",
        "WAITING -staff:call_patient-> CALLED",
        "CALLED -staff:start_exam-> IN_PROGRESS",
        "IN_PROGRESS -staff:complete_exam-> COMPLETED",
        "COMPLETED -patient:confirm_arrival-> WAITING",
        "WAITING -staff:call_patient-> CALLED",
        "CALLED -patient:enter_exam_room-> IN_PROGRESS",
        "IN_PROGRESS -patient:complete_exam-> COMPLETED",
        "COMPLETED -patient:make_payment-> PAYMENT",
        "PAYMENT -patient:make_payment-> FINISHED",
        "FINISHED -patient:leave_hospital-> UNREGISTERED");
  }

  @Test
  void aPatientWhoMissesTwoCallsLosesTheEntryAndMayQueueAgain() {
    Visit visit = new Visit();
    visit.step(Actor.PATIENT, "scan_nfc", null);
    visit.step(Actor.PATIENT, "register", null);
    visit.step(Actor.PATIENT, "confirm_arrival", "CT");
    visit.step(Actor.STAFF, "call_patient", null);

    visit.step(Actor.STAFF, "mark_no_show", null)
        .expect(JourneyState.WAITING, "", "call_patient mark_no_show").entries("CT=no_show");
    visit.step(Actor.STAFF, "call_patient", null).expect(JourneyState.CALLED, "enter_exam_room",
        "start_exam mark_no_show").entries("CT=called");
    visit.step(Actor.STAFF, "mark_no_show", null)
        .expect(JourneyState.COMPLETED, "confirm_arrival make_payment", "").entries("CT=cancelled");

    visit.step(Actor.PATIENT, "confirm_arrival", "CT")
        .expect(JourneyState.WAITING, "", "call_patient mark_no_show").entries("CT=cancelled CT#2=waiting");
  }

  @Test
  void aRefusedActionChangesNothing() {
    Visit visit = new Visit();
    visit.step(Actor.PATIENT, "scan_nfc", null);

    Decision refused = visit.attempt(Actor.STAFF, "call_patient");

    assertThat(refused).isInstanceOf(Decision.Refused.class);
    visit.expect(JourneyState.ARRIVED, "register", "").entries("");
  }

  /** The part of the future service that applies a decision: one patient's journey state and queue entries. */
  private final class Visit {
    private JourneyState journey = JourneyState.UNREGISTERED;
    private final Map<String, QueueState> entries = new LinkedHashMap<>();
    private final Map<String, Integer> noShows = new LinkedHashMap<>();
    private String activeEntry;
    private final List<String> log = new ArrayList<>();

    Decision attempt(Actor actor, String actionName) {
      return machine.decide(journey, actor, actionName, activeEntry == null ? 0 : noShows.get(activeEntry));
    }

    Visit step(Actor actor, String actionName, String examId) {
      Decision decision = attempt(actor, actionName);
      assertThat(decision).as(journey + " " + actionName).isInstanceOf(Decision.Allowed.class);
      Decision.Allowed step = (Decision.Allowed) decision;
      if (step.action() == Action.CONFIRM_ARRIVAL) {
        activeEntry = entries.containsKey(examId) ? examId + "#" + (entries.size() + 1) : examId;
        noShows.put(activeEntry, 0);
      }
      step.entryState().ifPresent(state -> entries.put(activeEntry, state));
      if (step.action() == Action.MARK_NO_SHOW) {
        noShows.merge(activeEntry, 1, Integer::sum);
      }
      log.add(journey + " -" + actor.wireName() + ":" + actionName + "-> " + step.to());
      journey = step.to();
      assertThat(Consistency.of(journey, entries.values())).as(log.getLast()).isEqualTo(Consistency.CONSISTENT);
      return this;
    }

    Visit expect(JourneyState state, String patientMay, String staffMay) {
      assertThat(journey).isEqualTo(state);
      assertThat(String.join(" ", machine.availableActionNames(journey, Actor.PATIENT))).isEqualTo(patientMay);
      assertThat(String.join(" ", machine.availableActionNames(journey, Actor.STAFF))).isEqualTo(staffMay);
      return this;
    }

    Visit entries(String expected) {
      List<String> actual = new ArrayList<>();
      entries.forEach((exam, state) -> actual.add(exam + "=" + state.wireName()));
      assertThat(String.join(" ", actual)).isEqualTo(expected);
      return this;
    }

    /** Queues are per day: the next visit starts with the journey where the last one ended, and no entries. */
    Visit nextDay() {
      Visit next = new Visit();
      next.journey = journey;
      return next;
    }
  }
}
