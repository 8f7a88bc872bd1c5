package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A process that drifts after its baseline raises each kind of alert once, however long it drifts; capability below
 * the threshold raises LOW_CAPABILITY; the statistics count them.
 */
@PulseIntegrationTest
class QualityAlertTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** Individuals alternating around 10 (σ within ≈ 0.09): a baseline with no special cause. */
  static List<Double> baseline() {
    List<Double> values = new ArrayList<>();
    double[] pattern = {10.0, 10.1, 9.95, 10.05, 9.9, 10.02, 9.98, 10.08, 9.93, 10.0};
    for (int i = 0; i < 25; i++) {
      values.add(pattern[i % pattern.length]);
    }
    return values;
  }

  @Test
  void aShiftRaisesOneRunRuleAlertForTest2AndAJumpOneOutOfControlAlert() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1, ",\"rules\":{\"tests\":[1,2]}");
    api.batch(id, baseline());
    JsonNode limits = SpcClient.json(api.get("/api/spc/products/" + id + "/control-limits", TestUser.QA_JUNG));
    assertThat(limits.path("chart").asString()).isEqualTo("I_MR");
    double center = limits.path("centerLine").asDouble();

    List<Double> shifted = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      shifted.add(center + 0.05 + (i % 2) * 0.01);
    }
    JsonNode judged = api.batch(id, shifted);
    assertThat(judged.get(7).path("violations")).isEmpty();
    assertThat(judged.get(8).path("violations").get(0).path("test").asInt()).isEqualTo(2);
    assertThat(judged.get(8).path("withinControl").asBoolean()).isTrue();

    JsonNode jump = api.measure(id, limits.path("ucl").asDouble() + 0.2);
    assertThat(jump.path("withinControl").asBoolean()).isFalse();
    assertThat(jump.path("violations").get(0).path("test").asInt()).isEqualTo(1);
    assertThat(jump.path("limitVersion").asInt()).isEqualTo(1);

    JsonNode runRule = SpcClient.json(api.get("/api/spc/alerts?productId=" + id + "&type=RUN_RULE_VIOLATION",
        TestUser.QA_JUNG));
    assertThat(runRule.path("totalItems").asLong()).isEqualTo(1);
    assertThat(runRule.path("items").get(0).path("test").asInt()).isEqualTo(2);
    assertThat(runRule.path("items").get(0).path("repeatCount").asInt()).isGreaterThanOrEqualTo(3);
    JsonNode outOfControl = SpcClient.json(api.get("/api/spc/alerts?productId=" + id + "&type=OUT_OF_CONTROL",
        TestUser.QA_JUNG));
    assertThat(outOfControl.path("totalItems").asLong()).isEqualTo(1);
    assertThat(outOfControl.path("items").get(0).path("limitVersion").asInt()).isEqualTo(1);
  }

  @Test
  void capabilityBelowTheThresholdRaisesLowCapabilityAndStatisticsCountIt() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1, ",\"capabilityThreshold\":2.5");
    api.batch(id, baseline());

    JsonNode capability = SpcClient.json(api.post("/api/spc/products/" + id + "/capability", "{}",
        TestUser.QA_JUNG));
    assertThat(capability.path("n").asInt()).isEqualTo(25);
    assertThat(capability.path("cp").isNumber()).isTrue();
    assertThat(capability.path("cpm").isNumber()).isTrue();
    assertThat(capability.path("cpk").asDouble()).isLessThan(2.5);
    assertThat(SpcClient.json(api.get("/api/spc/products/" + id + "/capability", TestUser.OP_HAN)).path("id")
        .asLong()).isEqualTo(capability.path("id").asLong());

    JsonNode low = SpcClient.json(api.get("/api/spc/alerts?productId=" + id + "&type=LOW_CAPABILITY&minPriority=3",
        TestUser.QA_JUNG));
    assertThat(low.path("totalItems").asLong()).isEqualTo(1);
    long alert = low.path("items").get(0).path("id").asLong();
    api.post("/api/spc/alerts/" + alert + "/acknowledge", null, TestUser.OP_HAN);
    api.post("/api/spc/alerts/" + alert + "/resolve", "{\"cause\":\"Spec too tight\",\"action\":\"Reviewed\"}",
        TestUser.QA_JUNG);

    JsonNode stats = SpcClient.json(api.get("/api/spc/alerts/stats?productId=" + id, TestUser.QA_JUNG));
    assertThat(stats.path("total").asLong()).isEqualTo(1);
    assertThat(stats.path("byType").path("LOW_CAPABILITY").asLong()).isEqualTo(1);
    assertThat(stats.path("byStatus").path("RESOLVED").asLong()).isEqualTo(1);
    assertThat(stats.path("byPriority").path("3").asLong()).isEqualTo(1);
    assertThat(stats.path("byDay")).hasSize(1);
    assertThat(stats.path("meanSecondsToAcknowledge").isNumber()).isTrue();
    assertThat(stats.path("meanSecondsToResolve").isNumber()).isTrue();
  }

  @Test
  void aOneSidedSpecHasNoCpOrPp() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    String code = SpcClient.code("ONE");
    long id = SpcClient.json(api.post("/api/spc/products", "{\"code\":\"" + code + "\",\"name\":\"Upper only\","
        + "\"usl\":10.5,\"subgroupSize\":1}", TestUser.QA_JUNG)).path("id").asLong();
    api.batch(id, baseline());

    JsonNode capability = SpcClient.json(api.post("/api/spc/products/" + id + "/capability", "{}",
        TestUser.QA_JUNG));

    assertThat(capability.path("cp").isNull()).isTrue();
    assertThat(capability.path("pp").isNull()).isTrue();
    assertThat(capability.path("cpk").asDouble()).isEqualTo(capability.path("cpu").asDouble());
    assertThat(capability.path("cpl").isNull()).isTrue();
  }
}
