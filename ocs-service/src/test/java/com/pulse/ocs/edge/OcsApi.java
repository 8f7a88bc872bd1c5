package com.pulse.ocs.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order API as a client sees it, over a raw socket so a test can send what no HTTP library would. Only the
 * public API: what was (not) written is read back through it, never from the tables.
 */
final class OcsApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;

  OcsApi(int port) {
    this.port = port;
  }

  /** A doctor no other test uses, so their worklist holds only this test's orders. */
  static TestUser freshDoctor() {
    String id = "dr.edge-" + UUID.randomUUID().toString().substring(0, 8);
    return new TestUser(id, id, List.of("DOCTOR"), null, null, null);
  }

  RawHttp.Response post(String path, TestUser user, String body) {
    return post(path, user, body.getBytes(StandardCharsets.UTF_8));
  }

  RawHttp.Response post(String path, TestUser user, byte[] body) {
    return RawHttp.send(port, "POST", path, Map.of("Authorization", user.bearer(), "Content-Type",
        "application/json"), body);
  }

  RawHttp.Response get(String target, TestUser user) {
    return RawHttp.send(port, "GET", target, user == null ? Map.of() : Map.of("Authorization", user.bearer()),
        null);
  }

  /** A new REQUESTED order of {@code doctor}; its id. */
  String create(TestUser doctor) {
    RawHttp.Response created = post("/api/ocs/orders", doctor,
        "{\"patientId\":\"P-edge\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\",\"priority\":\"ROUTINE\"}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asString();
  }

  /** How many orders {@code doctor} has: what a refused request must not have changed. */
  long ordersOf(TestUser doctor) {
    RawHttp.Response page = get("/api/ocs/orders?doctorId=" + doctor.id(), doctor);
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    return JSON.readTree(page.body()).path("totalItems").asLong();
  }

  /** The order as its doctor reads it. */
  JsonNode order(String id, TestUser doctor) {
    RawHttp.Response order = get("/api/ocs/orders/" + id, doctor);
    assertThat(order.status()).as(order.text()).isEqualTo(200);
    return JSON.readTree(order.body());
  }

  /** The answer is a problem of this status; its body. */
  static JsonNode problem(RawHttp.Response answer, int status) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(answer.text()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    return problem;
  }

  /** The field the problem names first. */
  static String field(JsonNode problem) {
    return problem.path("errors").get(0).path("field").asString();
  }
}
