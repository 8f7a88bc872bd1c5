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

/** NFC tags and their QR fallback (the demo hospital's tags are there: demo data is on in tests). */
@PulseIntegrationTest
class ArrivalTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void theEntranceTagArrivesThePatientOnceAndShowsTheWay() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();
    jdbc.sql("insert into appointment (patient_id, exam_id, scheduled_at) values (?, 'XRAY', now())")
        .param(patient.patientId()).update();

    JsonNode first = ok(api.post("/api/journey/nfc/scan", "{\"tagId\":\"TAG-ENTRANCE\"}", patient));
    JsonNode again = ok(api.get("/api/journey/nfc/qr/TAG-ENTRANCE", patient));

    assertThat(first.path("location").asString()).isEqualTo("Main entrance");
    assertThat(first.path("state").path("journey_state").asString()).isEqualTo("ARRIVED");
    assertThat(first.path("next").path("exam_id").asString()).isEqualTo("XRAY");
    assertThat(first.path("next").path("location").asString()).isEqualTo("Radiology, 2nd floor");
    assertThat(again.path("state").path("journey_state").asString()).isEqualTo("ARRIVED");
    assertThat(jdbc.sql("select action || '/' || trigger from journey_transition where patient_id = ?")
        .param(patient.patientId()).query(String.class).list()).containsExactly("scan_nfc/nfc_tag");
  }

  @Test
  void aRoomTagAnswersWhereItIsAndChangesNothing() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();

    JsonNode room = ok(api.get("/api/journey/nfc/qr/TAG-CT-1", patient));

    assertThat(room.path("exam_id").asString()).isEqualTo("CT");
    assertThat(room.path("state").path("journey_state").asString()).isEqualTo("UNREGISTERED");
  }

  @Test
  void anUnknownTagIsNotFoundAndStaffDoNotScan() {
    JourneyClient api = new JourneyClient(port, jdbc);

    assertThat(api.post("/api/journey/nfc/scan", "{\"tagId\":\"TAG-NOPE\"}", api.newPatient()).statusCode())
        .isEqualTo(404);
    assertThat(api.post("/api/journey/nfc/scan", "{}", api.newPatient()).statusCode()).isEqualTo(400);
    assertThat(api.get("/api/journey/nfc/qr/TAG-ENTRANCE", TestUser.NURSE_YOON).statusCode()).isEqualTo(403);
  }

  @Test
  void theDemoPatientHasAppointmentsToday() {
    JsonNode me = ok(new JourneyClient(port, jdbc).get("/api/journey/patients/1001", TestUser.NURSE_YOON));

    assertThat(me.path("appointments").findValuesAsString("exam_id")).containsExactly("XRAY", "BLOOD");
  }

  @Test
  void theStateDefinitionsAreTheSeedsShape() {
    JsonNode definitions = ok(new JourneyClient(port, jdbc).get("/api/journey/state-definitions", null));

    assertThat(definitions.propertyNames()).containsExactly("journey_states", "queue_states", "patient_actions",
        "staff_actions", "state_transitions", "mappings");
    assertThat(definitions.path("state_transitions").path("CALLED").path("mark_no_show").asString())
        .isEqualTo("WAITING");
  }
}
