package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * The seed's journey sockets over real sockets: {@code /ws/patient-journey/} forwards commands to a stand-in
 * journey-service as the caller (and survives it being down), turns state changes into {@code state_update};
 * {@code /ws/queue/{examId}/} admits staff and that department's display only and frames boards as
 * {@code queue.update}.
 */
@PulseIntegrationTest
class JourneySocketIntegrationTests {

  private static final String ME = "{\"patient_id\":\"1001\",\"journey_state\":\"ARRIVED\",\"queue_details\":[],"
      + "\"appointments\":[],\"available_actions\":[\"register\"],\"timestamp\":\"2026-12-02T00:00:00Z\"}";

  @LocalServerPort int port;

  private final Queue<String> seen = new ConcurrentLinkedQueue<>();
  private DisposableServer journey;

  @BeforeEach
  void startJourneyService() {
    journey = HttpServer.create().host("127.0.0.1").port(28083).route(routes -> routes
        .get("/api/journey/me", (request, response) -> {
          seen.add("GET me " + request.requestHeaders().get("Authorization"));
          return response.header("Content-Type", "application/json").sendString(Mono.just(ME));
        })
        .post("/api/journey/me/actions", (request, response) -> request.receive().aggregate().asString()
            .flatMap(body -> {
              seen.add("POST " + body);
              return body.contains("make_payment")
                  ? response.status(409).header("Content-Type", "application/problem+json").sendString(Mono.just(
                      "{\"status\":409,\"detail\":\"'make_payment' is not allowed now.\"}")).then()
                  : response.header("Content-Type", "application/json").sendString(Mono.just(ME.replace("ARRIVED",
                      "REGISTERED"))).then();
            })))
        .bindNow();
  }

  @AfterEach
  void stopJourneyService() {
    if (!journey.isDisposed()) {
      journey.disposeNow();
    }
  }

  @Test
  void thePatientsSocketGreetsWithTheStateAndForwardsActionsAsThePatient() throws Exception {
    String token = TestUser.PATIENT_1001.token();
    try (SocketClient socket = SocketClient.connect(URI.create("ws://127.0.0.1:" + port
        + "/ws/patient-journey/?access_token=" + token), null)) {
      JsonNode initial = socket.next();
      assertThat(initial.path("type").asString()).isEqualTo("initial_state");
      assertThat(initial.path("payload").path("journey_state").asString()).isEqualTo("ARRIVED");

      socket.send("{\"command\":\"perform_action\",\"action_type\":\"register\",\"payload\":{}}");
      JsonNode done = socket.next(f -> f.path("type").asString().equals("action_result"));
      assertThat(done.path("success").asBoolean()).isTrue();
      assertThat(done.path("payload").path("journey_state").asString()).isEqualTo("REGISTERED");

      socket.send("{\"command\":\"perform_action\",\"action_type\":\"make_payment\"}");
      JsonNode refused = socket.next(f -> f.path("type").asString().equals("action_result"));
      assertThat(refused.path("success").asBoolean()).isFalse();
      assertThat(refused.path("status").asInt()).isEqualTo(409);
      assertThat(refused.path("error").asString()).contains("not allowed");

      socket.send("{\"command\":\"ping\"}");
      assertThat(socket.next(f -> f.path("type").asString().equals("pong"))).isNotNull();
      // forwarded as the patient: their own token
      assertThat(seen).contains("GET me Bearer " + token)
          .anyMatch(s -> s.startsWith("POST ") && s.contains("\"action_type\":\"register\""));
    }
  }

  @Test
  void anActionWhileJourneyServiceIsDownFailsInTimeAndTheSocketLivesOn() throws Exception {
    try (SocketClient socket = SocketClient.connect(uri("/ws/patient-journey", TestUser.PATIENT_1001), null)) {
      socket.next(f -> f.path("type").asString().equals("initial_state"));
      journey.disposeNow();

      long start = System.nanoTime();
      socket.send("{\"command\":\"perform_action\",\"action_type\":\"register\"}");
      JsonNode failed = socket.next(f -> f.path("type").asString().equals("action_result"));
      assertThat(failed.path("success").asBoolean()).isFalse();
      assertThat(failed.path("status").asInt()).isEqualTo(503);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);

      startJourneyService();
      socket.send("{\"command\":\"perform_action\",\"action_type\":\"register\"}");
      assertThat(socket.next(f -> f.path("type").asString().equals("action_result")).path("success").asBoolean())
          .isTrue();
    }
  }

  @Test
  void stateChangesArriveAsStateUpdatesAndBoardsAsQueueUpdates() throws Exception {
    String exam = "X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    TestUser display = new TestUser("display.x", "Display", List.of("DISPLAY"), null, null, null, exam);
    try (SocketClient patient = SocketClient.connect(uri("/ws/patient-journey/", TestUser.PATIENT_1001), null);
        SocketClient board = SocketClient.connect(uri("/ws/queue/" + exam + "/", display), null);
        KafkaProducer<String, byte[]> producer = producer()) {
      patient.next(f -> f.path("type").asString().equals("initial_state"));
      board.send("{\"command\":\"ping\"}");
      board.next(f -> f.path("type").asString().equals("pong"));

      send(producer, Topics.JOURNEY_PATIENTS, "1001", "journey.patient.state-changed", "journey:patient:1001",
          "{\"patient_id\":\"1001\",\"from_state\":\"ARRIVED\",\"to_state\":\"REGISTERED\",\"action\":\"register\","
              + "\"actor\":\"patient\",\"trigger\":\"patient_action\",\"queue_id\":null,\"exam_id\":null,"
              + "\"available_actions\":{\"patient\":[\"confirm_arrival\"],\"staff\":[]},"
              + "\"occurred_at\":\"2026-12-02T00:00:01Z\"}");
      send(producer, Topics.JOURNEY_QUEUES, exam, "journey.queue.updated", "journey:queue:" + exam,
          "{\"exam_id\":\"" + exam + "\",\"exam_name\":\"X\",\"rooms_open\":1,\"now_serving\":[],\"called\":[],"
              + "\"waiting\":[{\"queue_number\":1,\"patient_name\":\"김*수\",\"state\":\"waiting\",\"room\":null,"
              + "\"estimated_wait_time\":0}],\"waiting_count\":1,\"timestamp\":\"2026-12-02T00:00:01Z\"}");

      JsonNode update = patient.next(f -> f.path("type").asString().equals("state_update"));
      assertThat(update.path("payload").path("journey_state").asString()).isEqualTo("REGISTERED");
      assertThat(update.path("payload").path("action").asString()).isEqualTo("register");
      JsonNode queue = board.next(f -> f.path("type").asString().equals("queue.update"));
      assertThat(queue.path("data").path("waiting").get(0).path("patient_name").asString()).isEqualTo("김*수");
    }
  }

  @Test
  void onlyPatientsOpenThePatientSocketAndADisplayOnlyItsQueue() {
    assertThat(SocketClient.refusedWith(uri("/ws/patient-journey/", TestUser.NURSE_YOON))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/queue/CT/", TestUser.DISPLAY_XRAY))).isEqualTo(403);
    assertThat(SocketClient.refusedWith(uri("/ws/queue/XRAY/", TestUser.PATIENT_1001))).isEqualTo(403);
  }

  private URI uri(String path, TestUser user) {
    return URI.create("ws://127.0.0.1:" + port + path + "?access_token=" + user.token());
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String type,
      String audience, String data) throws Exception {
    String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/pulse/journey-service\","
        + "\"type\":\"" + type + "\",\"subject\":\"" + key + "\",\"time\":\"" + Instant.now() + "\","
        + "\"datacontenttype\":\"application/json\",\"sequence\":\"0000000000000000001\",\"audience\":\""
        + audience + "\",\"priority\":\"NORMAL\",\"data\":" + data + "}";
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event.getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    producer.send(record).get(10, TimeUnit.SECONDS);
  }
}
