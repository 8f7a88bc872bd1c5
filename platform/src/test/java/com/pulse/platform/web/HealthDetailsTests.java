package com.pulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.http.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health says UP or DOWN to anyone (probes need no token), and what it is made of — the database, the disk, Kafka —
 * only to an administrator or system manager (issue 11, item 9).
 */
@PulseIntegrationTest
class HealthDetailsTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void anyoneSeesOnlyTheStatus() {
    for (String authorization : new String[] {null, TestUser.DR_KIM.bearer(), TestUser.NURSE_YOON.bearer()}) {
      JsonNode health = health(authorization);

      // the probe groups' names ("liveness", "readiness") are no secret; what the service is made of is
      assertThat(health.propertyNames()).as(String.valueOf(authorization)).isSubsetOf("status", "groups");
      assertThat(health.path("status").asString()).isEqualTo("UP");
    }
  }

  @Test
  void administratorsAndSystemManagersSeeTheComponents() {
    for (TestUser user : new TestUser[] {TestUser.ADMIN, TestUser.SYSTEM_MANAGER}) {
      JsonNode health = health(user.bearer());

      assertThat(health.path("components").path("db").path("details").path("database").asString())
          .as(user.id()).isEqualTo("PostgreSQL");
    }
  }

  private JsonNode health(String authorization) {
    RawHttp.Response answer = RawHttp.send(port, "GET", "/actuator/health",
        authorization == null ? Map.of() : Map.of("Authorization", authorization), null);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
