package com.pulse.journey.visit;

import java.time.Instant;
import java.util.List;

/**
 * Where a patient is, in seed 004's shape ({@code _build_response}): what {@code GET /api/journey/me}, the actions
 * and the {@code /ws/patient-journey/} socket answer. Components are the seed's JSON names.
 *
 * @param queue_details the patient's active queue entries (at most one)
 * @param appointments today's appointments
 * @param available_actions what the viewer may do now: the patient's actions to a patient, the staff's to staff
 * @param timestamp when this view was read
 * @param version the patient's version (the {@code sequence} of their latest event): a client showing the answer of
 *     an action and the reads its events trigger keeps the highest, since reads can answer out of order
 */
public record JourneyView(String patient_id, String journey_state, List<QueueDetail> queue_details,
    List<AppointmentView> appointments, List<String> available_actions, Instant timestamp, long version) {

  /**
   * @param estimated_wait_time whole minutes while in line; null when called or examined, or while no room is open
   * @param room where to go once called
   */
  public record QueueDetail(String queue_id, String exam_id, String exam_name, String state, int queue_number,
      Integer estimated_wait_time, String room) {}

  public record AppointmentView(long appointment_id, String exam_id, String exam_name, Instant scheduled_at,
      String status) {}
}
