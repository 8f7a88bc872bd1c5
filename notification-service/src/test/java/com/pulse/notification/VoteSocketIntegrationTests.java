package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventSchemas;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ws/votes}, seed 002's socket, over real sockets with real {@code vote.poll.*} events from Kafka: the
 * handshake's {@code emp_no} check, {@code connection_ack}, a poll opened while connected followed at once, its tallies
 * as {@code vote_update} plus one {@code place_vote} per option, hidden counts never shown, {@code ping} → {@code pong}.
 */
@PulseIntegrationTest
class VoteSocketIntegrationTests {

  private static final EventSchemas SCHEMAS = new EventSchemas();

  @LocalServerPort int port;

  @Test
  void theHandshakeIsRefusedUnlessEmpNoIsTheTokensOwn() {
    assertThat(SocketClient.refusedWith(uri("/ws/votes?emp_no=99999", TestUser.EMP_12345.token()))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/votes", TestUser.EMP_12345.token()))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/votes?emp_no=12345", TestUser.DR_KIM.token()))).isEqualTo(403);
  }

  @Test
  void aPollOpenedWhileConnectedIsFollowedAndItsTalliesArriveInTheSeedsShapes() throws Exception {
    long poll = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    try (SocketClient socket = SocketClient.connect(uri("/ws/votes?emp_no=12345", TestUser.EMP_12345.token()), null);
        KafkaProducer<String, byte[]> producer = producer()) {
      JsonNode ack = socket.next();
      assertThat(ack.path("type").asString()).isEqualTo("connection_ack");
      assertThat(ack.path("data").path("emp_no").asString()).isEqualTo("12345");

      publish(producer, poll, "vote.poll.opened", 1, "vote:polls", opened(poll));
      JsonNode update = socket.next(f -> f.path("type").asString().equals("vote_update"));
      assertThat(update.path("event").asString()).isEqualTo("poll_opened");
      assertThat(update.path("data").path("poll_id").asLong()).isEqualTo(poll);

      publish(producer, poll, "vote.poll.tallied", 2, "vote:poll:" + poll, tally(poll, true, 3, 1));
      JsonNode tallied = socket.next(f -> f.path("type").asString().equals("vote_update"));
      assertThat(tallied.path("event").asString()).isEqualTo("tallied");
      assertThat(tallied.path("data").path("options").get(0).path("vote_count").asInt()).isEqualTo(3);
      JsonNode first = socket.next();
      JsonNode second = socket.next();
      assertThat(first.path("type").asString()).isEqualTo("place_vote");
      assertThat(first.path("data").path("place_id").asLong()).isEqualTo(poll * 10 + 1);
      assertThat(first.path("data").path("place_name").asString()).isEqualTo("Kimbap");
      assertThat(first.path("data").path("vote_count").asInt()).isEqualTo(3);
      assertThat(second.path("data").path("vote_count").asInt()).isEqualTo(1);

      publish(producer, poll, "vote.poll.tallied", 3, "vote:poll:" + poll, tally(poll, false, 0, 0));
      JsonNode hidden = socket.next(f -> f.path("type").asString().equals("vote_update"));
      assertThat(hidden.path("data").path("results_visible").asBoolean()).isFalse();
      assertThat(hidden.path("data").path("options").get(0).path("vote_count").isNull()).isTrue();
      socket.send("{\"type\":\"ping\"}");
      assertThat(socket.next().path("type").asString()).as("no place_vote for hidden counts").isEqualTo("pong");
    }
  }

  private URI uri(String pathAndQuery, String token) {
    return URI.create("ws://127.0.0.1:" + port + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?")
        + "access_token=" + token);
  }

  private static String opened(long poll) {
    return "{\"pollId\":" + poll + ",\"title\":\"Lunch?\",\"kind\":\"PLACE\",\"status\":\"OPEN\",\"maxChoices\":1,"
        + "\"resultsVisibility\":\"LIVE\",\"options\":[{\"optionId\":" + (poll * 10 + 1) + ",\"label\":\"Kimbap\"},"
        + "{\"optionId\":" + (poll * 10 + 2) + ",\"label\":\"Pho\"}],\"createdBy\":\"admin\",\"createdAt\":\""
        + Instant.now() + "\",\"closesAt\":null,\"closedAt\":null,\"closedBy\":null,\"version\":1}";
  }

  private static String tally(long poll, boolean visible, int first, int second) {
    String a = visible ? Integer.toString(first) : "null";
    String b = visible ? Integer.toString(second) : "null";
    return "{\"pollId\":" + poll + ",\"kind\":\"PLACE\",\"status\":\"OPEN\",\"version\":2,\"totalVoters\":"
        + (first + second) + ",\"resultsVisible\":" + visible + ",\"options\":[{\"optionId\":" + (poll * 10 + 1)
        + ",\"label\":\"Kimbap\",\"votes\":" + a + "},{\"optionId\":" + (poll * 10 + 2) + ",\"label\":\"Pho\","
        + "\"votes\":" + b + "}]}";
  }

  /** A structured CloudEvent as vote-service's outbox writes it, checked against the contract first. */
  private static void publish(KafkaProducer<String, byte[]> producer, long poll, String type, long sequence,
      String audience, String data) throws Exception {
    byte[] event = ("{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/pulse/vote-service\","
        + "\"type\":\"" + type + "\",\"subject\":\"" + poll + "\",\"time\":\"" + Instant.now() + "\","
        + "\"dataschema\":\"urn:pulse:schema:" + type + ":v1\",\"datacontenttype\":\"application/json\","
        + "\"sequence\":\"" + String.format("%019d", sequence) + "\",\"traceparent\":"
        + "\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"audience\":\"" + audience + "\","
        + "\"priority\":\"LOW\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
    assertThat(SCHEMAS.violations(event)).isEmpty();
    producer.send(new ProducerRecord<>("vote.polls.v1", Long.toString(poll), event)).get(10, TimeUnit.SECONDS);
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
  }
}
