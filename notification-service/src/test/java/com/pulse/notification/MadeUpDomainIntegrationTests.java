package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.stream.PartitionId;
import com.pulse.notification.stream.StreamPosition;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A domain notification-service has never heard of — its own topic ({@code lab.samples.v1}), its events' audience
 * ({@code lab:bench:{id}}) and a catalog entry shipped beside it ({@code src/test/resources/pulse/channel-catalog.json})
 * — is delivered with no change to the service's code: the delivery core reads the producer's audience and the
 * catalog, nothing else.
 */
@PulseIntegrationTest
class MadeUpDomainIntegrationTests {

  private static final String TOPIC = "lab.samples.v1";

  @LocalServerPort int port;

  @Test
  void aNewDomainsEventsReachTheirAudienceAsItsCatalogEntrySays() throws Exception {
    String bench = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    try (SocketClient quality = SocketClient.connected(port, TestUser.QA_JUNG.token());
        SocketClient doctor = SocketClient.connected(port, TestUser.DR_KIM.token());
        KafkaProducer<String, byte[]> producer = producer()) {
      doctor.send("{\"type\":\"subscribe\",\"channel\":\"lab:bench:" + bench + "\"}");
      assertThat(doctor.next().path("code").asString()).as("the catalog admits QUALITY only").isEqualTo("FORBIDDEN");
      quality.send("{\"type\":\"subscribe\",\"channel\":\"lab:bench:" + bench + "\"}");
      assertThat(quality.next().path("type").asString()).isEqualTo("subscribed");

      String id = UUID.randomUUID().toString();
      RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, bench, event(id, bench))).get(10,
          TimeUnit.SECONDS);

      JsonNode frame = quality.next(f -> f.path("type").asString().equals("event"));
      assertThat(frame.path("event").path("id").asString()).isEqualTo(id);
      assertThat(frame.path("event").path("type").asString()).isEqualTo("lab.sample.measured");
      assertThat(frame.path("channels").get(0).asString()).isEqualTo("lab:bench:" + bench);
      StreamPosition resume = StreamPosition.parse(frame.path("position").asString());
      assertThat(resume.offset(new PartitionId(TOPIC, sent.partition()))).isEqualTo(sent.offset());
      doctor.sync();
      assertThat(doctor.received()).noneMatch(text -> text.contains(id));
    }
  }

  private static byte[] event(String id, String bench) {
    return ("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/lab/bench-service\","
        + "\"type\":\"lab.sample.measured\",\"subject\":\"" + bench + "\",\"time\":\"" + Instant.now() + "\","
        + "\"audience\":\"lab:bench:" + bench + "\",\"priority\":\"HIGH\",\"title\":\"Sample measured\","
        + "\"datacontenttype\":\"application/json\",\"data\":{\"value\":7.2}}").getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
  }
}
