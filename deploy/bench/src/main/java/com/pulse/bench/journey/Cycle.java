package com.pulse.bench.journey;

import java.util.List;

/**
 * A patient's whole visit as seed 004's table allows it, one step per action: each step's request and the journey
 * state its {@code state_update} frame announces. The last step returns the patient to UNREGISTERED, so the cycle
 * repeats for as long as the benchmark runs. {@code call_patient} is the staff's (a nurse); the others the patient's.
 */
final class Cycle {

  /**
   * @param staff sent by the nurse to {@code /patients/{id}/actions}; else by the patient
   * @param path {@code null}: the actions endpoint
   */
  record Step(String path, String body, boolean staff, String state) {}

  static List<Step> through(String examId) {
    return List.of(
        new Step("/api/journey/nfc/scan", "{\"tagId\":\"TAG-ENTRANCE\"}", false, "ARRIVED"),
        action("register", null, false, "REGISTERED"),
        action("confirm_arrival", "{\"exam_id\":\"" + examId + "\"}", false, "WAITING"),
        action("call_patient", null, true, "CALLED"),
        action("enter_exam_room", null, false, "IN_PROGRESS"),
        action("complete_exam", null, false, "COMPLETED"),
        action("make_payment", null, false, "PAYMENT"),
        action("make_payment", null, false, "FINISHED"),
        action("leave_hospital", null, false, "UNREGISTERED"));
  }

  private static Step action(String type, String payload, boolean staff, String state) {
    return new Step(null, "{\"action_type\":\"" + type + "\"" + (payload == null ? "" : ",\"payload\":" + payload)
        + "}", staff, state);
  }

  private Cycle() {}
}
