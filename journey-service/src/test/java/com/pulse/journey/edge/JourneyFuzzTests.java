package com.pulse.journey.edge;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.fuzz.ApiFuzz;
import com.pulse.testsupport.fuzz.Endpoint;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endpoint of the journey API, spoiled one part at a time: never a 5xx, every error a problem, and what can
 * never be valid refused. Staff endpoints as an administrator, the patient's as a patient of the test's own.
 */
@PulseIntegrationTest
class JourneyFuzzTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @TestFactory
  Stream<DynamicTest> noSpoiledStaffRequestIsA5xxOrAnswersWithoutAProblem() {
    String patientId = newPatient();
    String queueId = UUID.randomUUID().toString();
    return ApiFuzz.on(port, TestUser.ADMIN::bearer).over(List.of(
        Endpoint.get("/api/journey/state-definitions"),
        Endpoint.get("/api/journey/patients/{id}").pathVariable("id", patientId),
        Endpoint.get("/api/journey/patients/{id}/transitions").pathVariable("id", patientId),
        Endpoint.post("/api/journey/patients/{id}/actions", "{\"action_type\":\"call_patient\",\"payload\":"
            + "{\"room_id\":\"XRAY-1\"}}").pathVariable("id", patientId),
        Endpoint.get("/api/journey/queues/{exam}").pathVariable("exam", "XRAY"),
        Endpoint.post("/api/journey/queues/{exam}/call-next", "{\"room_id\":\"XRAY-1\"}")
            .pathVariable("exam", "XRAY"),
        Endpoint.post("/api/journey/queues/{exam}/entries/{queue}/delay", "{\"minutes\":5}")
            .pathVariable("exam", "XRAY").pathVariable("queue", queueId),
        Endpoint.get("/api/journey/admin/consistency")));
  }

  @TestFactory
  Stream<DynamicTest> noSpoiledPatientRequestIsA5xxOrAnswersWithoutAProblem() {
    String patientId = newPatient();
    TestUser patient = new TestUser("user." + patientId, "Fuzz", List.of("PATIENT"), null, patientId, null);
    return ApiFuzz.on(port, patient::bearer).over(List.of(
        Endpoint.get("/api/journey/me"),
        Endpoint.post("/api/journey/me/actions", "{\"action_type\":\"confirm_arrival\",\"payload\":"
            + "{\"exam_id\":\"XRAY\"}}"),
        Endpoint.post("/api/journey/nfc/scan", "{\"tagId\":\"TAG-ENTRANCE\"}"),
        Endpoint.get("/api/journey/nfc/qr/{tag}").pathVariable("tag", "TAG-ENTRANCE")));
  }

  @TestFactory
  Stream<DynamicTest> noSpoiledSimpleLoginCheckIsA5xxOrAnswersWithoutAProblem() {
    TestUser gateway = new TestUser("gateway", "Gateway", List.of("SERVICE"), null, null, null);
    return ApiFuzz.on(port, gateway::bearer).over(List.of(
        Endpoint.post("/internal/journey/simple-login", "{\"phoneLast4\":\"1001\",\"birthDate\":\"1980-01-01\"}")));
  }

  private String newPatient() {
    String id = "F" + UUID.randomUUID().toString().substring(0, 12);
    jdbc.sql("insert into patient (patient_id, user_id, name, phone, birth_date, journey_state) "
        + "values (?, ?, 'Fuzz', '010-0000-0000', date '1970-01-01', 'UNREGISTERED')").params(id, "user." + id)
        .update();
    return id;
  }
}
