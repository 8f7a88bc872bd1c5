package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order API over real HTTP as the tests' users, and what the database holds for one order. */
final class OrdersClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** More workers and users than the demo set, for races and for the role matrix. */
  static final TestUser RIS_KANG = new TestUser("ris.kang", "Kang (RIS)", List.of("RIS"), "RIS", null, null);
  /** A lab worker without a jobRole claim: the LIS role itself says which orders are theirs. */
  static final TestUser LIS_SEO = new TestUser("lis.seo", "Seo (LIS)", List.of("LIS"), null, null, null);
  static final TestUser NURSE_OH = new TestUser("nurse.oh", "Oh (nurse)", List.of("NURSE"), null, null, null);

  private final int port;
  private final JdbcClient jdbc;

  OrdersClient(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
  }

  static TestUser doctor(String id) {
    return new TestUser(id, id, List.of("DOCTOR"), null, null, null);
  }

  static TestUser worker(String id, JobRole jobRole) {
    return new TestUser(id, id, List.of(jobRole.name()), jobRole.name(), null, null);
  }

  static String body(String patientId, JobRole jobRole, OrderPriority priority) {
    return "{\"patientId\":\"" + patientId + "\",\"jobRole\":\"" + jobRole + "\",\"orderCode\":\""
        + (jobRole == JobRole.RIS ? "CT-HEAD" : "CBC") + "\",\"priority\":\"" + priority + "\"}";
  }

  HttpResponse<String> post(String path, String body, TestUser user, String ifMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", user.bearer())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery, TestUser user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", user.bearer()).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A new order, answered 201; returns its id. */
  String create(TestUser doctor, String patientId, JobRole jobRole, OrderPriority priority) throws Exception {
    HttpResponse<String> created = post("/api/ocs/orders", body(patientId, jobRole, priority), doctor, null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asString();
  }

  /** {@code POST /api/ocs/orders/{id}/{action}}, with the body the action needs. */
  HttpResponse<String> act(String id, OrderAction action, TestUser user, String ifMatch) throws Exception {
    String body = switch (action) {
      case COMPLETE -> "{\"result\":\"No acute findings.\"}";
      case CANCEL -> "{\"reason\":\"Ordered twice.\"}";
      default -> "";
    };
    return post("/api/ocs/orders/" + id + "/" + action.path(), body, user, ifMatch);
  }

  HttpResponse<String> act(String id, OrderAction action, TestUser user) throws Exception {
    return act(id, action, user, null);
  }

  /** The action, which must succeed. */
  JsonNode done(String id, OrderAction action, TestUser user) throws Exception {
    HttpResponse<String> response = act(id, action, user);
    assertThat(response.statusCode()).as(action + " by " + user.id() + ": " + response.body()).isEqualTo(200);
    return json(response);
  }

  /** A new order of {@code doctor}, taken to {@code status} by {@code worker} (or the doctor, to cancel it). */
  String orderIn(OrderStatus status, TestUser doctor, JobRole jobRole, TestUser worker) throws Exception {
    String id = create(doctor, "P-" + UUID.randomUUID().toString().substring(0, 8), jobRole, OrderPriority.ROUTINE);
    switch (status) {
      case REQUESTED -> { }
      case ACCEPTED -> done(id, OrderAction.ACCEPT, worker);
      case IN_PROGRESS -> {
        done(id, OrderAction.ACCEPT, worker);
        done(id, OrderAction.START, worker);
      }
      case COMPLETED -> {
        done(id, OrderAction.ACCEPT, worker);
        done(id, OrderAction.START, worker);
        done(id, OrderAction.COMPLETE, worker);
      }
      case CANCELLED -> done(id, OrderAction.CANCEL, doctor);
    }
    return id;
  }

  /** What the database holds: status, worker and version, as one string to compare before and after. */
  String stored(String id) {
    return jdbc.sql("select status || '/' || coalesce(worker_id, '-') || '/' || version from ocs_order where id = ?")
        .param(UUID.fromString(id)).query(String.class).single();
  }

  /** Events written to the outbox for one order: every one that ever will reach Kafka. */
  long outboxEvents(String id) {
    return jdbc.sql("select count(*) from pulse_outbox where message_key = ?").param(id).query(Long.class).single();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
