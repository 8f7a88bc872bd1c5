package com.pulse.journey.visit;

import static com.pulse.journey.visit.JourneyClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A whole visit with two exams, UNREGISTERED → … → FINISHED → UNREGISTERED, through the API. */
@PulseIntegrationTest
class FullJourneyTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aPatientGoesThroughTwoExamsPaysAndLeaves() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();
    TestUser nurse = TestUser.NURSE_YOON;
    String xray = api.newExam(1);
    String blood = api.newExam(2);

    JsonNode unregistered = ok(api.get("/api/journey/me", patient));
    assertThat(unregistered.path("journey_state").asString()).isEqualTo("UNREGISTERED");
    long version = unregistered.path("version").asLong();
    JsonNode arrived = ok(api.patientAct(patient, "scan_nfc", null));
    assertThat(arrived.path("journey_state").asString()).isEqualTo("ARRIVED");
    assertThat(arrived.path("version").asLong()).as("one event, one version").isEqualTo(version + 1);
    JsonNode registered = ok(api.patientAct(patient, "register", null));
    assertThat(registered.path("available_actions").toString()).isEqualTo("[\"confirm_arrival\"]");
    assertThat(registered.path("version").asLong()).isEqualTo(version + 2);
    JsonNode waiting = ok(api.patientAct(patient, "confirm_arrival", "{\"exam_id\":\"" + xray + "\"}"));
    assertThat(waiting.path("journey_state").asString()).isEqualTo("WAITING");
    assertThat(ok(api.get("/api/journey/me", patient)).path("version").asLong())
        .as("a read answers the version the action's answer had").isEqualTo(version + 3);
    JsonNode entry = waiting.path("queue_details").get(0);
    assertThat(entry.path("exam_id").asString()).isEqualTo(xray);
    assertThat(entry.path("state").asString()).isEqualTo("waiting");
    assertThat(entry.path("queue_number").asInt()).isEqualTo(1);
    assertThat(entry.path("estimated_wait_time").asInt()).isZero();

    JsonNode called = ok(api.post("/api/journey/queues/" + xray + "/call-next", "", nurse));
    assertThat(called.path("journey_state").asString()).isEqualTo("CALLED");
    assertThat(called.path("version").asLong()).as("changed and called: two events").isEqualTo(version + 5);
    assertThat(called.path("queue_details").get(0).path("room").asString()).isEqualTo("Room 1");
    assertThat(ok(api.patientAct(patient, "enter_exam_room", null)).path("journey_state").asString())
        .isEqualTo("IN_PROGRESS");
    assertThat(ok(api.staffAct(nurse, patient.patientId(), "complete_exam", null)).path("journey_state").asString())
        .isEqualTo("COMPLETED");

    JsonNode second = ok(api.patientAct(patient, "confirm_arrival", "{\"exam_id\":\"" + blood + "\"}"));
    assertThat(second.path("queue_details").get(0).path("exam_id").asString()).isEqualTo(blood);
    ok(api.staffAct(nurse, patient.patientId(), "call_patient", null));
    ok(api.staffAct(nurse, patient.patientId(), "start_exam", null));
    ok(api.patientAct(patient, "complete_exam", null));
    assertThat(ok(api.patientAct(patient, "make_payment", null)).path("journey_state").asString())
        .isEqualTo("PAYMENT");
    assertThat(ok(api.patientAct(patient, "make_payment", null)).path("journey_state").asString())
        .isEqualTo("FINISHED");
    JsonNode left = ok(api.patientAct(patient, "leave_hospital", null));
    assertThat(left.path("journey_state").asString()).isEqualTo("UNREGISTERED");
    assertThat(left.path("queue_details").isEmpty()).isTrue();

    JsonNode log = ok(api.get("/api/journey/patients/" + patient.patientId() + "/transitions", nurse));
    assertThat(log).hasSize(13);
    assertThat(log.get(0).path("trigger").asString()).isEqualTo("nfc_tag");
    assertThat(log.get(3).path("trigger").asString()).isEqualTo("staff_action");
    assertThat(log.get(3).path("actor_id").asString()).isEqualTo("nurse.yoon");
    assertThat(log.get(2).path("payload").path("exam_id").asString()).isEqualTo(xray);
  }
}
