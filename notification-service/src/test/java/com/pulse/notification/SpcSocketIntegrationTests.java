package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Announcement;
import com.pulse.events.EventHeaders;
import com.pulse.events.EventSchemas;
import com.pulse.events.EventType;
import com.pulse.events.Priority;
import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import io.cloudevents.CloudEvent;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's SPC sockets over real sockets with events from Kafka: the connection greeting, alert frames on the
 * general feed, every value on a product's feed, subscribe/unsubscribe, get_alerts, and who may connect at all.
 */
@PulseIntegrationTest
class SpcSocketIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventSchemas SCHEMAS = new EventSchemas();
  private static final AtomicLong PRODUCT = new AtomicLong(900_000 + (System.nanoTime() % 1000) * 100);

  @LocalServerPort int port;
  private KafkaProducer<String, byte[]> producer;

  @BeforeEach
  void open() {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer());
  }

  @AfterEach
  void close() {
    producer.close();
  }

  @Test
  void theGeneralFeedGreetsThenSendsAlertsInTheSeedsShapeAndAnswersGetAlerts() throws Exception {
    long product = PRODUCT.incrementAndGet();
    try (SocketClient quality = SocketClient.connect(uri("/ws/spc/notifications/", TestUser.QA_JUNG), null)) {
      JsonNode hello = quality.next();
      assertThat(hello.path("type").asString()).isEqualTo("connection");
      assertThat(hello.path("message").asString()).isNotBlank();
      assertThat(hello.path("timestamp").asString()).isNotBlank();
      quality.sync();

      ObjectNode alert = example("spc.alert.raised");
      alert.put("productId", product);
      publish(EventType.SPC_ALERT_RAISED, product, alert, Announcement.to("spc:alerts", "spc:product:" + product)
          .withPriority(Priority.HIGH).titled("BOLT-M10 out of spec", "Value 10.65"));

      JsonNode frame = quality.next(f -> f.path("type").asString().equals("alert"));
      JsonNode body = frame.path("alert");
      assertThat(fieldNames(body)).containsExactly("id", "product_code", "product_name", "alert_type", "priority",
          "title", "message", "status", "created_at");
      assertThat(body.path("alert_type").asString()).isEqualTo("OUT_OF_SPEC");
      assertThat(body.path("priority").asInt()).isEqualTo(4);
      assertThat(body.path("status").asString()).isEqualTo("OPEN");
      assertThat(frame.path("timestamp").asString()).isNotBlank();

      quality.send("{\"type\":\"get_alerts\",\"limit\":5}");
      JsonNode latest = quality.next(f -> f.path("type").asString().equals("alerts"));
      assertThat(latest.path("alerts").get(0).path("id")).isEqualTo(body.path("id"));
    }
  }

  @Test
  void aProductFeedGetsEveryValueAndTheGeneralFeedOnlyAfterSubscribing() throws Exception {
    long product = PRODUCT.incrementAndGet();
    try (SocketClient productFeed = SocketClient.connect(uri("/ws/spc/product/" + product + "/", TestUser.OP_HAN),
        null); SocketClient general = SocketClient.connect(uri("/ws/spc/notifications/", TestUser.OP_HAN), null)) {
      assertThat(productFeed.next().path("type").asString()).isEqualTo("connection");
      assertThat(general.next().path("type").asString()).isEqualTo("connection");
      productFeed.sync();
      general.sync();

      publishValue(product, 10.01);
      JsonNode value = productFeed.next(f -> f.path("type").asString().equals("measurement"));
      assertThat(fieldNames(value.path("measurement"))).containsExactly("id", "product_id", "product_code",
          "measurement_value", "sample_number", "subgroup_number", "is_within_spec", "is_within_control",
          "measured_at");
      assertThat(value.path("measurement").path("measurement_value").asDouble()).isEqualTo(10.01);
      general.sync();
      assertThat(general.received()).noneMatch(f -> f.contains("\"measurement\""));

      general.send("{\"type\":\"subscribe_product\",\"product_id\":" + product + "}");
      assertThat(general.next(f -> f.path("type").asString().equals("subscribed")).path("product_id").asLong())
          .isEqualTo(product);
      publishValue(product, 10.02);
      assertThat(general.next(f -> f.path("type").asString().equals("measurement")).path("measurement")
          .path("measurement_value").asDouble()).isEqualTo(10.02);
    }
  }

  @Test
  void onlyQualityStaffMayConnect() {
    assertThat(SocketClient.refusedWith(uri("/ws/spc/notifications/", TestUser.PATIENT_1001))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/spc/product/1/", TestUser.EMP_12345))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/spc/product/abc/", TestUser.QA_JUNG))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/spc/notifications/", null))).isEqualTo(401);
  }

  private void publishValue(long product, double value) throws Exception {
    ObjectNode data = example("spc.measurement.recorded");
    data.put("productId", product).put("value", value).put("withinSpec", true).put("withinControl", true);
    data.putArray("violations");
    publish(EventType.SPC_MEASUREMENT_RECORDED, product, data, Announcement.to("spc:product:" + product)
        .withPriority(Priority.LOW));
  }

  private void publish(EventType type, long product, ObjectNode data, Announcement announcement) throws Exception {
    CloudEvent event = PulseEvents.event(type).source(URI.create("/pulse/spc-service"))
        .subject(Long.toString(product)).sequence(PRODUCT.incrementAndGet()).announce(announcement)
        .data(JSON.writeValueAsBytes(data)).build();
    byte[] value = PulseEvents.serialize(event);
    assertThat(SCHEMAS.violations(value)).isEmpty();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SPC_PRODUCTS, Long.toString(product), value);
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    producer.send(record).get(10, TimeUnit.SECONDS);
  }

  private static ObjectNode example(String type) throws Exception {
    try (InputStream in = SpcSocketIntegrationTests.class.getClassLoader()
        .getResourceAsStream("examples/" + type + ".json")) {
      return (ObjectNode) JSON.readTree(in.readAllBytes()).path("data").deepCopy();
    }
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    return node.propertyNames().stream().toList();
  }

  private URI uri(String path, TestUser user) {
    return URI.create("ws://127.0.0.1:" + port + path + (user == null ? "" : "?access_token=" + user.token()));
  }
}
