package com.pulse.ocs.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PulseIntegrationTest
class OrderApiTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String VALID =
      "{\"patientId\":\"P-1001\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\",\"priority\":\"STAT\","
          + "\"notes\":\"Rule out bleed\"}";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private TopicReader events;

  @BeforeEach
  void openReader() {
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.OCS_ORDERS);
  }

  @AfterEach
  void closeReader() {
    events.close();
  }

  @Test
  void aDoctorCreatesAnOrderAndItsEventCarriesTheSameSnapshot() throws Exception {
    HttpResponse<String> created = post(VALID, TestUser.DR_KIM);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode order = JSON.readTree(created.body());
    String id = order.path("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/ocs/orders/" + id);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(order.path("status").asString()).isEqualTo("REQUESTED");
    assertThat(order.path("version").asLong()).isEqualTo(1);
    assertThat(order.path("doctorId").asString()).isEqualTo("dr.kim");
    assertThat(order.path("priority").asString()).isEqualTo("STAT");
    assertThat(order.path("workerId").isNull()).isTrue();

    ConsumerRecord<String, byte[]> record = events.await(1, r -> r.key().equals(id), WAIT).getFirst();
    CloudEvent event = PulseEvents.deserialize(record.value());
    JsonNode data = JSON.readTree(event.getData().toBytes());
    assertThat(event.getType()).isEqualTo("ocs.order.created");
    assertThat(event.getSubject()).isEqualTo(id);
    assertThat(event.getSource().toString()).isEqualTo("/pulse/ocs-service");
    assertThat(PulseEvents.sequenceOf(event)).isEqualTo(1);
    assertThat(new String(record.headers().lastHeader(EventHeaders.ID).value(), StandardCharsets.UTF_8))
        .isEqualTo(event.getId());
    assertThat(data.path("orderId").asString()).isEqualTo(id);
    assertThat(data.path("doctorId").asString()).isEqualTo("dr.kim");
    assertThat(data.path("jobRole").asString()).isEqualTo("RIS");
    assertThat(data.path("createdAt").asString()).isEqualTo(order.path("createdAt").asString());
  }

  @Test
  void anOrderIsAnsweredWithTheDocumentedMembersAndItsEventWithTheSnapshots() throws Exception {
    HttpResponse<String> created = post(VALID, TestUser.DR_KIM);
    JsonNode order = JSON.readTree(created.body());
    String id = order.path("id").asString();

    assertThat(order.propertyNames()).containsExactly("id", "patientId", "doctorId", "jobRole", "orderCode",
        "priority", "notes", "status", "workerId", "result", "cancelReason", "version", "createdAt", "acceptedAt",
        "startedAt", "completedAt", "cancelledAt");
    assertThat(JSON.readTree(get("/api/ocs/orders/" + id, TestUser.DR_KIM).body())).isEqualTo(order);
    CloudEvent event = PulseEvents.deserialize(events.await(1, r -> r.key().equals(id), WAIT).getFirst().value());
    JsonNode data = JSON.readTree(event.getData().toBytes());
    assertThat(data.propertyNames()).containsExactly("orderId", "patientId", "doctorId", "jobRole", "orderCode",
        "priority", "notes", "status", "previousStatus", "workerId", "result", "cancelReason", "version",
        "createdAt", "acceptedAt", "startedAt", "completedAt", "cancelledAt");
    for (String member : order.propertyNames()) {
      assertThat(data.path(member.equals("id") ? "orderId" : member)).as(member).isEqualTo(order.path(member));
    }
    assertThat(data.path("previousStatus").isNull()).isTrue();
  }

  @Test
  void theEventIsPublishedOnlyAfterTheOrderIsReadable() throws Exception {
    String id = JSON.readTree(post(VALID, TestUser.DR_LEE).body()).path("id").asString();
    events.await(1, r -> r.key().equals(id), WAIT);

    HttpResponse<String> read = get("/api/ocs/orders/" + id, TestUser.DR_LEE);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).path("status").asString()).isEqualTo("REQUESTED");
  }

  @Test
  void theTraceContextOfTheRequestTravelsWithTheEvent() throws Exception {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    HttpRequest request = HttpRequest.newBuilder(uri("/api/ocs/orders"))
        .header("Authorization", TestUser.DR_KIM.bearer()).header("Content-Type", "application/json")
        .header("traceparent", traceparent).POST(HttpRequest.BodyPublishers.ofString(VALID)).build();
    String id = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("id").asString();

    CloudEvent event = PulseEvents.deserialize(events.await(1, r -> r.key().equals(id), WAIT).getFirst().value());
    assertThat(event.getExtension("traceparent")).isEqualTo(traceparent);
  }

  @Test
  void whoMaySeeAnOrder() throws Exception {
    String id = JSON.readTree(post(VALID, TestUser.DR_KIM).body()).path("id").asString();
    String path = "/api/ocs/orders/" + id;

    for (TestUser allowed : List.of(TestUser.DR_KIM, TestUser.ADMIN, TestUser.SYSTEM_MANAGER, TestUser.RIS_PARK)) {
      assertThat(get(path, allowed).statusCode()).as(allowed.id()).isEqualTo(200);
    }
    for (TestUser denied : List.of(TestUser.DR_LEE, TestUser.LIS_CHOI, TestUser.PATIENT_1001, TestUser.QA_JUNG)) {
      HttpResponse<String> response = get(path, denied);
      assertThat(response.statusCode()).as(denied.id()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(get("/api/ocs/orders/" + UUID.randomUUID(), TestUser.ADMIN).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"jobRole\":\"RIS\",\"orderCode\":\"CT\"}",
      "{\"patientId\":\"P\",\"jobRole\":\"XRAY\",\"orderCode\":\"CT\"}",
      "{\"patientId\":\"P\",\"jobRole\":\"RIS\",\"orderCode\":\"CT\",\"priority\":\"SOON\"}",
      "{\"patientId\":\"P\",\"jobRole\":\"RIS\",\"orderCode\":\" \"}",
      "{\"patientId\":\"P\",\"jobRole\":\"RIS\",\"orderCode\":\"CT\",\"notes\":\"LONG\"}",
      "{\"patientId\":\"P\",\"jobRole\":\"RIS\",",
      "[]"})
  void badInputIs400NamingTheFieldAndWritesNothing(String body) throws Exception {
    body = body.replace("LONG", "x".repeat(2001));
    long before = count();
    long eventsBefore = outboxCount();

    HttpResponse<String> response = post(body, TestUser.DR_KIM);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("detail").asString()).isNotBlank();
    if (!body.startsWith("[") && body.endsWith("}")) {
      assertThat(problem.path("errors").get(0).path("field").asString()).isIn("patientId", "jobRole", "priority",
          "orderCode", "notes");
    }
    assertThat(count()).isEqualTo(before);
    assertThat(outboxCount()).isEqualTo(eventsBefore);
  }

  @Test
  void onlyDoctorsAndAdministratorsCreateOrders() throws Exception {
    long before = count();
    for (TestUser user : List.of(TestUser.RIS_PARK, TestUser.LIS_CHOI, TestUser.PATIENT_1001, TestUser.EMP_12345)) {
      assertThat(post(VALID, user).statusCode()).as(user.id()).isEqualTo(403);
    }
    HttpRequest anonymous = HttpRequest.newBuilder(uri("/api/ocs/orders")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(VALID)).build();
    assertThat(HTTP.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void rejectedCommandsEmitNoEvent() throws Exception {
    post("{\"patientId\":\"REJECTED\",\"jobRole\":\"XRAY\",\"orderCode\":\"CT\"}", TestUser.DR_KIM);
    post("{\"patientId\":\"REJECTED\",\"jobRole\":\"RIS\",\"orderCode\":\"CT\"}", TestUser.RIS_PARK);
    String marker = JSON.readTree(post(VALID, TestUser.DR_KIM).body()).path("id").asString();

    events.await(1, r -> r.key().equals(marker), WAIT);
    assertThat(events.await(Integer.MAX_VALUE, r -> true, Duration.ZERO))
        .noneSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("REJECTED"));
  }

  private long count() {
    return jdbc.sql("select count(*) from ocs_order").query(Long.class).single();
  }

  private long outboxCount() {
    return jdbc.sql("select count(*) from pulse_outbox").query(Long.class).single();
  }

  private HttpResponse<String> post(String body, TestUser user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/api/ocs/orders"))
        .header("Authorization", user.bearer()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, TestUser user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", user.bearer()).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
