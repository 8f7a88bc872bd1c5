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

/** Call order, no-shows, delays and the board. */
@PulseIntegrationTest
class QueueTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void callNextTakesPriorityThenArrivalAndTheBoardMasksNames() {
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(1);
    TestUser first = api.newPatient();
    TestUser second = api.newPatient();
    TestUser urgent = api.newPatient();
    api.toWaiting(first, exam);
    api.toWaiting(second, exam);
    api.toWaiting(urgent, exam);
    jdbc.sql("update queue_entry set priority = 5 where patient_id = ?").param(urgent.patientId()).update();

    JsonNode board = ok(api.get("/api/journey/queues/" + exam, TestUser.NURSE_YOON));
    assertThat(board.path("waiting").findValuesAsString("patient_name")).containsOnly("홍*동");
    assertThat(board.path("waiting").findValues("queue_number").stream().map(JsonNode::asInt).toList())
        .containsExactly(3, 1, 2);
    assertThat(board.path("waiting").findValues("estimated_wait_time").stream().map(JsonNode::asInt).toList())
        .containsExactly(0, 10, 20);

    assertThat(ok(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON))
        .path("patient_id").asString()).isEqualTo(urgent.patientId());
    assertThat(ok(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON))
        .path("patient_id").asString()).isEqualTo(first.patientId());
    JsonNode after = ok(api.get("/api/journey/queues/" + exam, TestUser.NURSE_YOON));
    assertThat(after.path("called")).hasSize(2);
    assertThat(after.path("waiting_count").asInt()).isEqualTo(1);
  }

  @Test
  void aDelayedPatientIsSkippedButKeepsTheirPlace() {
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(1);
    TestUser late = api.newPatient();
    TestUser next = api.newPatient();
    api.toWaiting(late, exam);
    api.toWaiting(next, exam);
    String queueId = ok(api.get("/api/journey/me", late)).path("queue_details").get(0).path("queue_id").asString();

    JsonNode board = ok(api.post("/api/journey/queues/" + exam + "/entries/" + queueId + "/delay",
        "{\"minutes\":30}", TestUser.NURSE_YOON));

    assertThat(board.path("waiting").get(0).path("state").asString()).isEqualTo("delayed");
    assertThat(ok(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON))
        .path("patient_id").asString()).isEqualTo(next.patientId());
    assertThat(api.journeyState(late.patientId())).isEqualTo("WAITING");
    assertThat(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON).statusCode())
        .isEqualTo(409);

    jdbc.sql("update queue_entry set held_until = now() - interval '1 second' where queue_id = ?::uuid")
        .param(queueId).update();
    assertThat(ok(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON))
        .path("patient_id").asString()).isEqualTo(late.patientId());
  }

  @Test
  void aFirstNoShowGoesBackToWaitingAndASecondCancelsTheEntry() {
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(1);
    TestUser patient = api.newPatient();
    api.toWaiting(patient, exam);
    ok(api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "call_patient", null));

    JsonNode first = ok(api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "mark_no_show", null));
    assertThat(first.path("journey_state").asString()).isEqualTo("WAITING");
    assertThat(first.path("queue_details").get(0).path("state").asString()).isEqualTo("no_show");

    ok(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON));
    JsonNode second = ok(api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "mark_no_show", null));
    assertThat(second.path("journey_state").asString()).isEqualTo("COMPLETED");
    assertThat(second.path("queue_details").isEmpty()).isTrue();
    assertThat(jdbc.sql("select state from queue_entry where patient_id = ?").param(patient.patientId())
        .query(String.class).single()).isEqualTo("cancelled");
  }

  @Test
  void anEmptyQueueHasNobodyToCallAndAnUnknownOneIsNotFound() {
    JourneyClient api = new JourneyClient(port, jdbc);

    assertThat(api.post("/api/journey/queues/" + api.newExam(1) + "/call-next", "", TestUser.NURSE_YOON)
        .statusCode()).isEqualTo(409);
    assertThat(api.post("/api/journey/queues/NOPE/call-next", "", TestUser.NURSE_YOON).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/journey/queues/NOPE", TestUser.NURSE_YOON).statusCode()).isEqualTo(404);
  }
}
