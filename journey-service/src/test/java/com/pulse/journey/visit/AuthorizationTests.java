package com.pulse.journey.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may see and do what: a patient only themselves, a display only its queue, staff everything clinical. */
@PulseIntegrationTest
class AuthorizationTests {

  private static final TestUser DISPLAY_CT =
      new TestUser("display.ct", "CT display", List.of("DISPLAY"), null, null, null, "CT");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aPatientCannotSeeOrTouchAnotherPatient() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser me = api.newPatient();
    TestUser other = api.inState("ARRIVED", null);

    assertThat(api.get("/api/journey/patients/" + other.patientId(), me).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/journey/patients/" + other.patientId() + "/transitions", me).statusCode())
        .isEqualTo(404);
    assertThat(api.staffAct(me, other.patientId(), "register", null).statusCode()).isEqualTo(403);
    assertThat(api.staffAct(me, other.patientId(), "call_patient", null).statusCode()).isEqualTo(403);
    assertThat(api.journeyState(other.patientId())).isEqualTo("ARRIVED");
    assertThat(api.get("/api/journey/patients/" + me.patientId(), me).statusCode()).isEqualTo(200);
  }

  @Test
  void aDisplaySeesOnlyItsQueueAndNoPatient() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.inState("WAITING", "CT");

    assertThat(api.get("/api/journey/queues/CT", DISPLAY_CT).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/journey/queues/XRAY", DISPLAY_CT).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/journey/queues/XRAY", TestUser.DISPLAY_XRAY).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/journey/patients/" + patient.patientId(), DISPLAY_CT).statusCode()).isEqualTo(404);
    assertThat(api.post("/api/journey/queues/CT/call-next", "", DISPLAY_CT).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/journey/me", DISPLAY_CT).statusCode()).isEqualTo(403);
  }

  @Test
  void patientsAndOtherRolesDoNotRunQueues() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();

    assertThat(api.get("/api/journey/queues/XRAY", patient).statusCode()).isEqualTo(403);
    assertThat(api.post("/api/journey/queues/XRAY/call-next", "", patient).statusCode()).isEqualTo(403);
    assertThat(api.post("/api/journey/queues/XRAY/call-next", "", TestUser.RIS_PARK).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/journey/admin/consistency", TestUser.NURSE_YOON).statusCode()).isEqualTo(403);
    assertThat(api.get("/api/journey/me", TestUser.NURSE_YOON).statusCode()).isEqualTo(403);
  }

  @Test
  void everythingButTheTableNeedsAToken() {
    JourneyClient api = new JourneyClient(port, jdbc);

    assertThat(api.get("/api/journey/state-definitions", null).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/journey/me", null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/journey/queues/XRAY", null).statusCode()).isEqualTo(401);
    assertThat(api.post("/internal/journey/simple-login", "{}", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theSimpleLoginCheckIsForServicesOnly() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser gateway = new TestUser("gateway", "Gateway", List.of("SERVICE"), null, null, null);
    String body = "{\"phoneLast4\":\"1001\",\"birthDate\":\"1980-01-01\"}";

    assertThat(api.post("/internal/journey/simple-login", body, TestUser.ADMIN).statusCode()).isEqualTo(403);
    assertThat(JourneyClient.ok(api.post("/internal/journey/simple-login", body, gateway)).path("patientId")
        .asString()).isEqualTo("1001");
    assertThat(api.post("/internal/journey/simple-login",
        "{\"phoneLast4\":\"2002\",\"birthDate\":\"1975-05-05\"}", gateway).statusCode()).isEqualTo(409);
    assertThat(api.post("/internal/journey/simple-login",
        "{\"phoneLast4\":\"9999\",\"birthDate\":\"1975-05-05\"}", gateway).statusCode()).isEqualTo(404);
    assertThat(api.post("/internal/journey/simple-login", "{\"phoneLast4\":\"12a4\",\"birthDate\":\"1975-05-05\"}",
        gateway).statusCode()).isEqualTo(400);
  }
}
