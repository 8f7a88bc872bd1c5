package com.pulse.journey.visit;

import com.pulse.events.Announcement;
import com.pulse.events.Priority;
import com.pulse.journey.state.Actor;
import com.pulse.journey.state.JourneyState;
import com.pulse.journey.state.StateMachine;
import java.time.Instant;
import java.util.List;

/**
 * What the journey's events carry and who is told (issue 13, item 10): a patient's events to
 * {@code journey:patient:{patientId}} (the patient and clinical staff), "you are called" also to the patient's
 * {@code user:} channel so it reaches their inbox, a queue's board to {@code journey:queue:{examId}} (staff and that
 * department's display). Payload components are the JSON names, snake_case like the seed's API.
 */
final class JourneyEvents {

  private JourneyEvents() {}

  /** {@code journey.patient.state-changed}. */
  record StateChanged(String patient_id, String from_state, String to_state, String action, String actor,
      String trigger, String queue_id, String exam_id, AvailableActions available_actions, Instant occurred_at) {}

  /** What each side may do in the new state. */
  record AvailableActions(List<String> patient, List<String> staff) {

    static AvailableActions in(JourneyState state) {
      StateMachine machine = StateMachine.fromSeed();
      return new AvailableActions(machine.availableActionNames(state, Actor.PATIENT),
          machine.availableActionNames(state, Actor.STAFF));
    }
  }

  /** {@code journey.patient.called}: where to go. */
  record Called(String patient_id, String queue_id, String exam_id, String exam_name, int queue_number,
      String room_id, String room, String location, Instant called_at) {}

  static Announcement stateChanged(Patient patient, StateChanged change) {
    return Announcement.to(patientChannel(patient.patientId()))
        .titled("Journey " + change.to_state(), "Patient " + patient.patientId() + " · " + change.action());
  }

  static Announcement called(Patient patient, Called call) {
    String where = call.room() == null ? call.exam_name() : call.room();
    return Announcement.to(patientChannel(patient.patientId()), "user:" + patient.userId())
        .withPriority(Priority.HIGH)
        .titled("Please go to " + where, call.exam_name() + " · queue number " + call.queue_number()
            + (call.location() == null ? "" : " · " + call.location()));
  }

  static Announcement queueUpdated(QueueBoard board) {
    return Announcement.to("journey:queue:" + board.exam_id()).withPriority(Priority.LOW)
        .titled(board.exam_name() + " queue", board.waiting_count() + " waiting, " + board.called().size()
            + " called, " + board.now_serving().size() + " in an exam");
  }

  private static String patientChannel(String patientId) {
    return "journey:patient:" + patientId;
  }
}
