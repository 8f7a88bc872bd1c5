package com.pulse.journey.visit;

import static com.pulse.journey.visit.JourneyClient.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading a journey outside a transaction gives its connections back: a query's unclosed stream once kept one per
 * read of a patient in a queue, and the local stack's pool ran dry after twenty reads (every request then waited 30 s).
 */
@PulseIntegrationTest
class ConnectionUseTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void readingAQueuedPatientMoreOftenThanThePoolHoldsKeepsEveryConnection() throws Exception {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();
    ok(api.patientAct(patient, "scan_nfc", null));
    ok(api.patientAct(patient, "register", null));
    ok(api.patientAct(patient, "confirm_arrival", "{\"exam_id\":\"XRAY\"}"));
    var pool = dataSource.unwrap(HikariDataSource.class);
    int reads = pool.getMaximumPoolSize() + 5;

    for (int read = 0; read < reads; read++) {
      assertThat(ok(api.get("/api/journey/me", patient)).path("journey_state").asString()).isEqualTo("WAITING");
      assertThat(api.get("/api/journey/patients/" + patient.patientId(), TestUser.NURSE_YOON).statusCode())
          .isEqualTo(200);
    }

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use after the reads")
            .isLessThan(pool.getMaximumPoolSize() / 2));
  }
}
