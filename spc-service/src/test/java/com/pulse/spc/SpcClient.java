package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SPC API over real HTTP as the tests' users, and what the database holds. */
final class SpcClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final JdbcClient jdbc;

  private static boolean topicReady;

  SpcClient(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    topicExists();
  }

  /**
   * Waits once per test JVM until {@code spc.products.v1} has partitions, before the first request can write an
   * event: on this shared machine the start-up declaration was seen missing, and the relay's first send raced the
   * broker's auto-creation of the topic, which left the idempotent producer retrying an out-of-order sequence.
   */
  private static synchronized void topicExists() {
    if (!topicReady) {
      TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.SPC_PRODUCTS)
          .close();
      topicReady = true;
    }
  }

  HttpResponse<String> send(String method, String path, String body, TestUser user, String ifMatch)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", user.bearer())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body, TestUser user) throws Exception {
    return send("POST", path, body, user, null);
  }

  HttpResponse<String> get(String path, TestUser user) throws Exception {
    return send("GET", path, null, user, null);
  }

  /** A unique product code for one test. */
  static String code(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  /** A new product with LSL 9.5, USL 10.5, target 10; its id. */
  long product(int subgroupSize) throws Exception {
    return product(subgroupSize, "");
  }

  /** @param extra more members of the request body, each starting with a comma */
  long product(int subgroupSize, String extra) throws Exception {
    HttpResponse<String> created = post("/api/spc/products", "{\"code\":\"" + code("P") + "\",\"name\":\"Test "
        + "part\",\"unit\":\"mm\",\"lsl\":9.5,\"usl\":10.5,\"target\":10,\"subgroupSize\":" + subgroupSize + extra
        + "}", TestUser.QA_JUNG);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asLong();
  }

  /** Records the values as one batch, which must succeed; the answer's items. */
  JsonNode batch(long productId, List<Double> values) throws Exception {
    String body = values.stream().map(v -> "{\"value\":" + v + "}").collect(Collectors.joining(",",
        "{\"measurements\":[", "]}"));
    HttpResponse<String> answer = post("/api/spc/products/" + productId + "/measurements/batch", body,
        TestUser.OP_HAN);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json(answer).path("items");
  }

  JsonNode measure(long productId, double value) throws Exception {
    HttpResponse<String> answer = post("/api/spc/products/" + productId + "/measurements",
        "{\"value\":" + value + "}", TestUser.OP_HAN);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json(answer);
  }

  long measurements(long productId) {
    return jdbc.sql("select count(*) from spc_measurement where product_id = ?").param(productId).query(Long.class)
        .single();
  }

  long alerts(long productId) {
    return jdbc.sql("select count(*) from spc_alert where product_id = ?").param(productId).query(Long.class)
        .single();
  }

  long outboxEvents(long productId) {
    return jdbc.sql("select count(*) from pulse_outbox where message_key = ?").param(Long.toString(productId))
        .query(Long.class).single();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
