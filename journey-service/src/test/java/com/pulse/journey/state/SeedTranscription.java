package com.pulse.journey.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's definitions, transcribed by hand a second time, from the seed and not from {@code StateTable}: the tests
 * compare the main code against this, so a wrong edit of the table fails them. Plain strings on purpose (the seed's
 * spellings), so that nothing here depends on the enums being right.
 */
final class SeedTranscription {

  private SeedTranscription() {}

  /** {@code PatientJourneyState}, in the seed's order. */
  static final List<String> JOURNEY_STATES = List.of("UNREGISTERED", "ARRIVED", "REGISTERED", "WAITING", "CALLED",
      "IN_PROGRESS", "COMPLETED", "PAYMENT", "FINISHED");

  /** {@code QueueDetailState} values, in the seed's order. */
  static final List<String> QUEUE_STATES = List.of("waiting", "delayed", "called", "no_show", "in_progress",
      "completed", "cancelled");

  /** {@code PatientAction} values, in the seed's order. */
  static final List<String> PATIENT_ACTIONS = List.of("scan_nfc", "register", "confirm_arrival", "enter_exam_room",
      "complete_exam", "make_payment", "leave_hospital");

  /** {@code StaffAction} values, in the seed's order. */
  static final List<String> STAFF_ACTIONS = List.of("call_patient", "start_exam", "complete_exam", "mark_no_show",
      "cancel_appointment");

  /** {@code STATE_TRANSITIONS}: state, whose action ({@code PatientAction} or {@code StaffAction}), action, target. */
  static final List<Row> TRANSITIONS = rows("""
      UNREGISTERED  patient  scan_nfc         ARRIVED
      ARRIVED       patient  register         REGISTERED
      REGISTERED    patient  confirm_arrival  WAITING
      WAITING       staff    call_patient     CALLED
      WAITING       staff    mark_no_show     WAITING
      CALLED        patient  enter_exam_room  IN_PROGRESS
      CALLED        staff    start_exam       IN_PROGRESS
      CALLED        staff    mark_no_show     WAITING
      IN_PROGRESS   patient  complete_exam    COMPLETED
      IN_PROGRESS   staff    complete_exam    COMPLETED
      COMPLETED     patient  confirm_arrival  WAITING
      COMPLETED     patient  make_payment     PAYMENT
      PAYMENT       patient  make_payment     FINISHED
      FINISHED      patient  leave_hospital   UNREGISTERED
      """);

  /** {@code QUEUE_TO_JOURNEY_MAPPING}, in the seed's order. */
  static final Map<String, String> QUEUE_TO_JOURNEY = pairs("""
      waiting      WAITING
      delayed      WAITING
      called       CALLED
      no_show      WAITING
      in_progress  IN_PROGRESS
      completed    COMPLETED
      cancelled    COMPLETED
      """);

  /** {@code JOURNEY_TO_QUEUE_MAPPING}, in the seed's order. */
  static final Map<String, String> JOURNEY_TO_QUEUE = pairs("""
      WAITING      waiting
      CALLED       called
      IN_PROGRESS  in_progress
      COMPLETED    completed
      """);

  record Row(String state, String actor, String action, String target) {}

  /** The seed's target for (state, actor, action), or null if the seed has no such row. */
  static String target(String state, String actor, String action) {
    return TRANSITIONS.stream().filter(r -> r.state.equals(state) && r.actor.equals(actor) && r.action.equals(action))
        .map(Row::target).findFirst().orElse(null);
  }

  /** The actor's actions in the state, in the seed's row order. */
  static List<String> allowed(String state, String actor) {
    return TRANSITIONS.stream().filter(r -> r.state.equals(state) && r.actor.equals(actor)).map(Row::action).toList();
  }

  private static List<Row> rows(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
        .map(f -> new Row(f[0], f[1], f[2], f[3])).toList();
  }

  private static Map<String, String> pairs(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+"))
        .forEach(f -> map.put(f[0], f[1]));
    return map;
  }
}
