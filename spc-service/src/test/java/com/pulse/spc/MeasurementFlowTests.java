package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import io.cloudevents.CloudEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Values in, judgements out: the default baseline freezes itself at 25 complete subgroups, later points are judged
 * against it, a value out of spec raises one alert (repeats are counted on it) and reaches Kafka with its audience.
 */
@PulseIntegrationTest
class MeasurementFlowTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** 125 values around 10 with σ ≈ 0.05: 25 in-control subgroups of five. */
  static List<Double> stable(int count, long seed) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(Math.round((10 + random.nextGaussian() * 0.05) * 1000) / 1000.0);
    }
    return values;
  }

  @Test
  void theFirst25CompleteSubgroupsFreezeTheLimitsAndLaterPointsAreJudgedAgainstThem() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(5);

    JsonNode first = api.batch(id, stable(124, 1));
    assertThat(first.get(3).path("subgroupComplete").asBoolean()).isFalse();
    assertThat(first.get(4).path("subgroupComplete").asBoolean()).isTrue();
    assertThat(first.get(4).path("subgroupNumber").asLong()).isEqualTo(1);
    assertThat(first.get(4).path("sampleNumber").asInt()).isEqualTo(5);
    assertThat(first.get(4).path("withinControl").isNull()).isTrue();
    assertThat(api.get("/api/spc/products/" + id + "/control-limits", TestUser.OP_HAN).statusCode()).isEqualTo(404);

    JsonNode last = api.measure(id, 10.0);
    assertThat(last.path("subgroupNumber").asLong()).isEqualTo(25);
    HttpResponse<String> limits = api.get("/api/spc/products/" + id + "/control-limits", TestUser.OP_HAN);
    assertThat(limits.statusCode()).as(limits.body()).isEqualTo(200);
    JsonNode set = SpcClient.json(limits);
    assertThat(set.path("version").asInt()).isEqualTo(1);
    assertThat(set.path("chart").asString()).isEqualTo("XBAR_R");
    assertThat(set.path("automatic").asBoolean()).isTrue();
    assertThat(set.path("fromSubgroup").asLong()).isEqualTo(1);
    assertThat(set.path("toSubgroup").asLong()).isEqualTo(25);

    JsonNode next = api.batch(id, List.of(10.0, 10.01, 9.99, 10.02, 9.98));
    assertThat(next.get(4).path("withinControl").asBoolean()).isTrue();
    assertThat(next.get(4).path("limitVersion").asInt()).isEqualTo(1);
    assertThat(next.get(4).path("violations")).isEmpty();

    JsonNode chart = SpcClient.json(api.get("/api/spc/products/" + id + "/chart?last=10", TestUser.QA_JUNG));
    assertThat(chart.path("points")).hasSize(10);
    assertThat(chart.path("limits").path("version").asInt()).isEqualTo(1);
  }

  @Test
  void aValueOutOfSpecRaisesOneAlertCountsRepeatsAndReachesKafkaWithItsAudience() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);
    try (TopicReader events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
        Topics.SPC_PRODUCTS)) {
      JsonNode judged = api.measure(id, 10.7);
      assertThat(judged.path("withinSpec").asBoolean()).isFalse();
      api.measure(id, 10.8);

      JsonNode alerts = SpcClient.json(api.get("/api/spc/alerts?productId=" + id, TestUser.QA_JUNG));
      assertThat(alerts.path("totalItems").asLong()).isEqualTo(1);
      JsonNode alert = alerts.path("items").get(0);
      assertThat(alert.path("alertType").asString()).isEqualTo("OUT_OF_SPEC");
      assertThat(alert.path("status").asString()).isEqualTo("OPEN");
      assertThat(alert.path("repeatCount").asInt()).isEqualTo(1);
      assertThat(alert.path("priority").asInt()).isEqualTo(4);

      List<ConsumerRecord<String, byte[]>> published = events.await(3, r -> r.key().equals(Long.toString(id)),
          Duration.ofSeconds(20));
      List<CloudEvent> cloudEvents = published.stream().map(r -> PulseEvents.deserialize(r.value())).toList();
      assertThat(cloudEvents).extracting(CloudEvent::getType)
          .containsExactly("spc.measurement.recorded", "spc.alert.raised", "spc.measurement.recorded");
      CloudEvent raised = cloudEvents.get(1);
      assertThat(raised.getExtension("audience")).isEqualTo("spc:alerts,spc:product:" + id);
      assertThat(raised.getExtension("priority")).isEqualTo("HIGH");
      assertThat(String.valueOf(raised.getExtension("title"))).contains("out of spec");
      assertThat(cloudEvents.getFirst().getExtension("audience").toString()).contains("spc:alerts");
      assertThat(new String(raised.getData().toBytes(), StandardCharsets.UTF_8))
          .contains("\"id\":" + alert.path("id").asLong());
    }
  }
}
