package com.pulse.journey.visit;

import static com.pulse.journey.visit.JourneyClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** NFC tags and their QR fallback (the demo hospital's tags are there: demo data is on in tests). */
@PulseIntegrationTest
class ArrivalTests {

  private static final TestUser GATEWAY = new TestUser("gateway", "Gateway", List.of("SERVICE"), null, null, null);

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
  void everyDocumentedDemoPatientSignsInAloneAtTheKioskAndHasTheirAppointmentsToday() throws IOException {
    JourneyClient api = new JourneyClient(port, jdbc);
    List<DocumentedPatient> service = DocumentedPatient.in(Path.of("README.md"));
    List<DocumentedPatient> root = DocumentedPatient.in(Path.of("..", "README.md"));
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));

    assertThat(service).as("journey-service's table").hasSizeGreaterThanOrEqualTo(30);
    assertThat(service).as("the root README lists some of them, the same way").containsAll(root).isNotEmpty();
    for (DocumentedPatient p : service) {
      JsonNode match = ok(api.post("/internal/journey/simple-login",
          "{\"phoneLast4\":\"" + p.phoneLast4() + "\",\"birthDate\":\"" + p.birthDate() + "\"}", GATEWAY));
      assertThat(match.path("patientId").asString()).as("kiosk login of " + p).isEqualTo(p.id());
      JsonNode appointments = ok(api.get("/api/journey/patients/" + p.id(), TestUser.NURSE_YOON)).path("appointments");
      assertThat(appointments.findValuesAsString("exam_id")).as("appointments of " + p)
          .containsExactlyInAnyOrderElementsOf(p.exams());
      assertThat(appointments.findValuesAsString("scheduled_at")).as("appointments of " + p)
          .allSatisfy(at -> assertThat(Instant.parse(at).atZone(ZoneId.of("Asia/Seoul")).toLocalDate())
              .isEqualTo(today));
    }
    assertThat(api.post("/internal/journey/simple-login", "{\"phoneLast4\":\"2002\",\"birthDate\":\"1975-05-05\"}",
        GATEWAY).statusCode()).as("the documented twins").isEqualTo(409);
  }

  /** A row of a README's demo patient table: {@code | `1001` | 김민수 | `1001` | `1980-01-01` | XRAY 09:00, ... |}. */
  record DocumentedPatient(String id, String phoneLast4, LocalDate birthDate, List<String> exams) {

    private static final Pattern ROW = Pattern.compile(
        "^\\| `(\\d{4})` \\| [^|]+ \\| `(\\d{4})` \\| `(\\d{4}-\\d{2}-\\d{2})` \\| ([^|]+) \\|");

    static List<DocumentedPatient> in(Path readme) throws IOException {
      return Files.readAllLines(readme).stream().map(ROW::matcher).filter(Matcher::find)
          .map(m -> new DocumentedPatient(m.group(1), m.group(2), LocalDate.parse(m.group(3)),
              Stream.of(m.group(4).split(",")).map(a -> a.strip().split(" ")[0]).toList()))
          .toList();
    }
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
