package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bad input is a 400 problem naming the field (or 404/409/412 for state), and writes nothing. */
@PulseIntegrationTest
class BadInputTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private static JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return SpcClient.json(response);
  }

  private static String field(JsonNode problem) {
    return problem.path("errors").get(0).path("field").asString();
  }

  @ParameterizedTest(name = "value {0}")
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "\"10.5\"", "\"NaN\"", "null", "true", "[10]"})
  void aValueThatIsNoFiniteNumberIsRefusedAndNothingIsWritten(String value) throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);

    HttpResponse<String> answer = api.post("/api/spc/products/" + id + "/measurements", "{\"value\":" + value + "}",
        TestUser.OP_HAN);

    JsonNode problem = problem(answer, 400);
    if (problem.has("errors")) {
      assertThat(field(problem)).isEqualTo("value");
    }
    assertThat(api.measurements(id)).isZero();
    assertThat(api.outboxEvents(id)).isZero();
  }

  @Test
  void oneBadValueInABatchRefusesTheWholeBatchNamingIt() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);

    HttpResponse<String> answer = api.post("/api/spc/products/" + id + "/measurements/batch",
        "{\"measurements\":[{\"value\":10},{\"value\":10.1},{\"value\":1e999}]}", TestUser.OP_HAN);

    assertThat(field(problem(answer, 400))).isEqualTo("measurements[2].value");
    assertThat(api.measurements(id)).isZero();
  }

  @ParameterizedTest(name = "measuredAt {0}")
  @ValueSource(strings = {"-0043-03-15T12:00:00Z", "0000-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z"})
  void aTimeOutsideTheYears1To9999IsRefusedNamingIt(String measuredAt) throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);

    HttpResponse<String> answer = api.post("/api/spc/products/" + id + "/measurements/batch",
        "{\"measurements\":[{\"value\":10},{\"value\":10.1,\"measuredAt\":\"" + measuredAt + "\"}]}",
        TestUser.OP_HAN);

    assertThat(field(problem(answer, 400))).isEqualTo("measurements[1].measuredAt");
    assertThat(api.measurements(id)).isZero();
    assertThat(api.outboxEvents(id)).isZero();
  }

  @Test
  void aBatchOfMoreThan1000IsRefused() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);
    String body = String.join(",", Collections.nCopies(1001, "{\"value\":10}"));

    HttpResponse<String> answer = api.post("/api/spc/products/" + id + "/measurements/batch",
        "{\"measurements\":[" + body + "]}", TestUser.OP_HAN);

    assertThat(field(problem(answer, 400))).isEqualTo("measurements");
    assertThat(api.measurements(id)).isZero();
  }

  @Test
  void aBatchOf1000IsRecordedInOneGo() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(5);
    List<Double> values = MeasurementFlowTests.stable(1000, 7);

    JsonNode items = api.batch(id, values);

    assertThat(items).hasSize(1000);
    assertThat(items.get(999).path("subgroupNumber").asLong()).isEqualTo(200);
    assertThat(api.measurements(id)).isEqualTo(1000);
  }

  @Test
  void aSubgroupOrSampleThatDoesNotFitIsRefused() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(3);
    api.batch(id, List.of(10.0, 10.1, 10.2, 10.0));
    String path = "/api/spc/products/" + id + "/measurements";

    assertThat(field(problem(api.post(path, "{\"value\":10,\"subgroupNumber\":1}", TestUser.OP_HAN), 400)))
        .isEqualTo("subgroupNumber");
    assertThat(field(problem(api.post(path, "{\"value\":10,\"subgroupNumber\":5}", TestUser.OP_HAN), 400)))
        .isEqualTo("subgroupNumber");
    assertThat(field(problem(api.post(path, "{\"value\":10,\"sampleNumber\":4}", TestUser.OP_HAN), 400)))
        .isEqualTo("sampleNumber");
    assertThat(field(problem(api.post(path, "{\"value\":10,\"subgroupNumber\":2,\"sampleNumber\":1}",
        TestUser.OP_HAN), 400))).isEqualTo("sampleNumber");
    assertThat(api.measurements(id)).isEqualTo(4);

    JsonNode placed = SpcClient.json(api.post(path, "{\"value\":10,\"subgroupNumber\":2,\"sampleNumber\":3}",
        TestUser.OP_HAN));
    assertThat(placed.path("sampleNumber").asInt()).isEqualTo(3);
    assertThat(api.measure(id, 10.0).path("sampleNumber").asInt()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "\"lsl\":10,\"usl\":10                        | usl",
      "\"lsl\":11,\"usl\":10                        | usl",
      "\"target\":10                                | usl",
      "\"lsl\":9,\"usl\":11,\"target\":12           | target",
      "\"usl\":1e999                                | usl",
      "\"usl\":\"10\"                               | usl",
      "\"usl\":11,\"rules\":{\"tests\":[1,9]}       | rules.tests",
      "\"usl\":11,\"rules\":{\"tests\":[1],\"k\":{\"2\":9}}  | rules.k",
      "\"usl\":11,\"rules\":{\"k\":{\"1\":9}}       | rules.k",
      "\"usl\":11,\"capabilityThreshold\":-1        | capabilityThreshold"})
  void aProductThatCannotBeIsRefused(String members, String expectedField) throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    String code = SpcClient.code("BAD");

    HttpResponse<String> answer = api.post("/api/spc/products", "{\"code\":\"" + code + "\",\"name\":\"Bad\","
        + "\"subgroupSize\":5," + members + "}", TestUser.QA_JUNG);

    assertThat(field(problem(answer, 400))).isEqualTo(expectedField);
    assertThat(jdbc.sql("select count(*) from spc_product where code = ?").param(code).query(Long.class).single())
        .isZero();
  }

  @ParameterizedTest(name = "subgroupSize {0}")
  @ValueSource(ints = {0, 26, -1})
  void aSubgroupSizeOutside1To25IsRefused(int size) throws Exception {
    HttpResponse<String> answer = new SpcClient(port, jdbc).post("/api/spc/products", "{\"code\":\""
        + SpcClient.code("SZ") + "\",\"name\":\"Size\",\"usl\":1,\"subgroupSize\":" + size + "}", TestUser.QA_JUNG);

    assertThat(field(problem(answer, 400))).isEqualTo("subgroupSize");
  }

  @Test
  void theWesternElectricPresetIsTests1256WithK8() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1, ",\"rules\":{\"preset\":\"WESTERN_ELECTRIC\"}");

    JsonNode rules = SpcClient.json(api.get("/api/spc/products/" + id, TestUser.OP_HAN)).path("rules");

    assertThat(rules.path("tests").toString()).isEqualTo("[1,2,5,6]");
    assertThat(rules.path("k").path("2").asInt()).isEqualTo(8);
  }

  @Test
  void aStaleIfMatchIs412AndTheCurrentOneChangesTheSpec() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);
    String path = "/api/spc/products/" + id + "/spec";

    HttpResponse<String> changed = api.send("PUT", path, "{\"lsl\":9,\"usl\":11,\"target\":10}", TestUser.QA_JUNG,
        "\"1\"");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");

    problem(api.send("PUT", path, "{\"lsl\":8,\"usl\":12}", TestUser.QA_JUNG, "\"1\""), 412);
    assertThat(field(problem(api.send("PUT", path, "{\"lsl\":12,\"usl\":8}", TestUser.QA_JUNG, "\"2\""), 400)))
        .isEqualTo("usl");
    assertThat(SpcClient.json(api.get("/api/spc/products/" + id, TestUser.QA_JUNG)).path("lsl").asDouble())
        .isEqualTo(9.0);
  }

  @Test
  void anAlertAcknowledgedTwiceOrResolvedTwiceIs409() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);
    long alert = SpcClient.json(api.post("/api/spc/alerts", "{\"productId\":" + id + ",\"title\":\"Gauge\"}",
        TestUser.QA_JUNG)).path("id").asLong();
    String path = "/api/spc/alerts/" + alert;

    assertThat(api.post(path + "/acknowledge", null, TestUser.OP_HAN).statusCode()).isEqualTo(200);
    long events = api.outboxEvents(id);
    JsonNode again = problem(api.post(path + "/acknowledge", null, TestUser.QA_JUNG), 409);
    assertThat(again.path("currentStatus").asString()).isEqualTo("ACKNOWLEDGED");
    assertThat(field(problem(api.post(path + "/resolve", "{\"cause\":\" \",\"action\":\"x\"}", TestUser.QA_JUNG),
        400))).isEqualTo("cause");
    assertThat(api.post(path + "/resolve", "{\"cause\":\"Gauge drift\",\"action\":\"Recalibrated\"}",
        TestUser.QA_JUNG).statusCode()).isEqualTo(200);
    problem(api.post(path + "/resolve", "{\"cause\":\"a\",\"action\":\"b\"}", TestUser.QA_JUNG), 409);
    problem(api.post(path + "/acknowledge", null, TestUser.QA_JUNG), 409);
    assertThat(api.outboxEvents(id)).isEqualTo(events + 1);

    JsonNode resolved = SpcClient.json(api.get(path, TestUser.OP_HAN));
    assertThat(resolved.path("acknowledgedBy").asString()).isEqualTo("op.han");
    assertThat(resolved.path("resolvedBy").asString()).isEqualTo("qa.jung");
    assertThat(resolved.path("cause").asString()).isEqualTo("Gauge drift");
  }

  @Test
  void unknownThingsAre404() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    problem(api.get("/api/spc/products/999999999", TestUser.QA_JUNG), 404);
    problem(api.post("/api/spc/products/999999999/measurements", "{\"value\":1}", TestUser.OP_HAN), 404);
    problem(api.get("/api/spc/alerts/999999999", TestUser.QA_JUNG), 404);
    problem(api.post("/api/spc/alerts/999999999/acknowledge", null, TestUser.QA_JUNG), 404);
    assertThat(field(problem(api.post("/api/spc/alerts", "{\"productId\":999999999,\"title\":\"x\"}",
        TestUser.QA_JUNG), 400))).isEqualTo("productId");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"minPriority=9", "status=CLOSED", "type=FIRE", "productId=x", "page=-1", "size=0",
      "from=yesterday", "colour=red", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"})
  void aBadAlertQueryIs400(String query) throws Exception {
    problem(new SpcClient(port, jdbc).get("/api/spc/alerts?" + query, TestUser.QA_JUNG), 400);
  }

  @Test
  void aBaselineOutsideTheDataIsRefused() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);
    String path = "/api/spc/products/" + id + "/control-limits";
    problem(api.post(path, "{}", TestUser.QA_JUNG), 409);
    api.batch(id, List.of(10.0, 10.1, 9.9, 10.2, 9.8));

    assertThat(field(problem(api.post(path, "{\"fromSubgroup\":4,\"toSubgroup\":2}", TestUser.QA_JUNG), 400)))
        .isEqualTo("toSubgroup");
    assertThat(field(problem(api.post(path, "{\"exclude\":[7]}", TestUser.QA_JUNG), 400))).isEqualTo("exclude[0]");
    assertThat(api.get(path, TestUser.QA_JUNG).statusCode()).isEqualTo(404);
    String values = List.of(1, 2).stream().map(String::valueOf).collect(Collectors.joining(","));
    JsonNode set = SpcClient.json(api.post(path, "{\"exclude\":[" + values + "]}", TestUser.QA_JUNG));
    assertThat(set.path("subgroupsUsed").asInt()).isEqualTo(3);
    assertThat(set.path("excluded").toString()).isEqualTo("[1,2]");
  }
}
