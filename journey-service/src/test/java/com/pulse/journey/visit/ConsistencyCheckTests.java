package com.pulse.journey.visit;

import static com.pulse.journey.visit.JourneyClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The check sees rows corrupted behind the service's back, reports them and counts them in its gauges. */
@PulseIntegrationTest
class ConsistencyCheckTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  @Test
  void aJourneyStateChangedDirectlyInTheDatabaseIsReported() {
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(1);
    TestUser mismatched = api.newPatient();
    TestUser orphan = api.newPatient();
    api.toWaiting(mismatched, exam);
    try {
      jdbc.sql("update patient set journey_state = 'IN_PROGRESS' where patient_id = ?")
          .param(mismatched.patientId()).update();
      jdbc.sql("update patient set journey_state = 'CALLED' where patient_id = ?").param(orphan.patientId()).update();
      jdbc.sql("insert into journey_transition (patient_id, actor_id, actor, action, from_state, to_state, trigger, "
          + "occurred_at) values (?, 'someone', 'patient', 'register', 'UNREGISTERED', 'FINISHED', 'patient_action', "
          + "now())").param(orphan.patientId()).update();

      JsonNode report = ok(api.get("/api/journey/admin/consistency", TestUser.ADMIN));

      assertThat(report.path("healthy").asBoolean()).isFalse();
      assertThat(report.path("mismatches").findValuesAsString("patient_id")).contains(mismatched.patientId());
      assertThat(report.path("orphans").findValuesAsString("patient_id")).contains(orphan.patientId());
      assertThat(report.path("invalid_transitions").findValuesAsString("patient_id")).contains(orphan.patientId());
      assertThat(report.path("state_distribution").path("IN_PROGRESS").asLong()).isPositive();
      assertThat(meters.get("pulse.journey.consistency.issues").tag("kind", "mismatch").gauge().value())
          .isGreaterThanOrEqualTo(1);
    } finally {
      jdbc.sql("update patient set journey_state = 'WAITING' where patient_id = ?").param(mismatched.patientId())
          .update();
      jdbc.sql("update patient set journey_state = 'UNREGISTERED' where patient_id = ?").param(orphan.patientId())
          .update();
      jdbc.sql("delete from journey_transition where actor_id = 'someone'").update();
    }
  }

  @Test
  void whatTheServiceWroteIsConsistent() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();
    api.toWaiting(patient, api.newExam(1));

    JsonNode report = ok(api.get("/api/journey/admin/consistency", TestUser.ADMIN));

    assertThat(report.path("mismatches").findValuesAsString("patient_id")).doesNotContain(patient.patientId());
    assertThat(report.path("orphans").findValuesAsString("patient_id")).doesNotContain(patient.patientId());
    assertThat(report.path("invalid_transitions").findValuesAsString("patient_id"))
        .doesNotContain(patient.patientId());
  }
}
