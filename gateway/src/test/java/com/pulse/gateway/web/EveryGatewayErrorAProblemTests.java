package com.pulse.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway refuses itself, through its real server (issue 11, items 4, 6 and 9): rejected paths, TRACE and
 * unknown methods, a URL or headers over Netty's limits, a foreign origin's CORS request — all of them came back
 * with an empty body — and control characters in a query, which were proxied (and retried on the service's 500).
 * Each is now a problem, and nothing refused reaches a service.
 */
class EveryGatewayErrorAProblemTests extends GatewayTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/ocs/../actuator/env", "/api/ocs/%2e%2e/actuator/env", "/api/ocs/..;/actuator/env",
      "//api/ocs/orders", "/api/ocs/orders%00", "/api/ocs/%2F../actuator/env", "/api/ocs/%5C..%5Cactuator"})
  void aPathTheFirewallRefusesIsA400ProblemAndIsNotProxied(String path) {
    RawHttp.Response refused = send("GET", path, Map.of("Authorization", "Bearer " + tokenFor(TestUser.ADMIN)));

    problem(refused, 400);
    assertThat(refused.header("X-Seen-Uri")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TRACE", "FOO", "PROPFIND", "CONNECT"})
  void aMethodNoRouteTakesIs405(String method) {
    RawHttp.Response refused = send(method, "/api/ocs/orders", Map.of("Authorization",
        "Bearer " + tokenFor(TestUser.ADMIN)));

    problem(refused, 405);
    assertThat(refused.header("Allow")).contains("GET").contains("POST");
    assertThat(refused.header("X-Seen-Uri")).isNull();
  }

  @Test
  void whatNettyRefusesItselfIsAProblem() {
    RawHttp.Response longUrl = send("GET", "/api/ocs/orders?pad=" + "x".repeat(70_000), Map.of());
    RawHttp.Response bigHeaders = send("GET", "/api/ocs/orders", Map.of("X-Padding", "x".repeat(70_000)));
    RawHttp.Response notHttp = RawHttp.send(port, "GET /a b c\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    RawHttp.Response notAUri = send("GET", "/api/ocs/%zz", Map.of());

    assertThat(problem(longUrl, 414).path("detail").asString()).isEqualTo("The request's URL is too long.");
    assertThat(problem(bigHeaders, 431).path("detail").asString()).isEqualTo("The request's headers are too large.");
    problem(notHttp, 400);
    problem(notAUri, 400);
  }

  @ParameterizedTest(name = "?{0}")
  @CsvSource(delimiter = '|', value = {"patientId=P-1%00 | patientId", "doctorId=%1B | doctorId",
      "workerId=%ED%A0%80 | workerId", "createdFrom=-999999999-01-01T00:00:00Z | createdFrom"})
  void aQueryParameterNoServiceCouldTakeIsRefusedHereNamingIt(String query, String field) {
    RawHttp.Response refused = send("GET", "/api/ocs/orders?" + query, Map.of("Authorization",
        "Bearer " + tokenFor(TestUser.ADMIN)));

    assertThat(problem(refused, 400).path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(refused.header("X-Seen-Uri")).as("not proxied, so not retried").isNull();
  }

  @Test
  void aCrossOriginRequestFromAForeignOriginIsA403Problem() {
    Map<String, String> preflight = new LinkedHashMap<>();
    preflight.put("Origin", "https://evil.test");
    preflight.put("Access-Control-Request-Method", "POST");
    RawHttp.Response refusedPreflight = send("OPTIONS", "/api/ocs/orders", preflight);
    RawHttp.Response refusedGet = send("GET", "/api/ocs/orders", Map.of("Origin", "https://evil.test",
        "Authorization", "Bearer " + tokenFor(TestUser.ADMIN)));

    assertThat(problem(refusedPreflight, 403).path("detail").asString())
        .isEqualTo("Cross-origin requests from this origin are not allowed.");
    problem(refusedGet, 403);
    assertThat(refusedGet.header("X-Seen-Uri")).isNull();
    assertThat(refusedPreflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"username\":1,\"password\":\"pulse\"}`                         | username",
      "`{\"username\":\"dr.kim\",\"password\":true}`                     | password",
      "`{\"username\":\"dr.kim\",\"username\":\"admin\",\"password\":\"pulse\"}` | username",
      "`{\"username\":\"dr.kim\\u0000\",\"password\":\"pulse\"}`        | username"})
  void signInBodiesAreReadStrictly(String body, String field) {
    RawHttp.Response refused = RawHttp.send(port, "POST", "/auth/token", Map.of("Content-Type",
        "application/json"), body.getBytes(StandardCharsets.UTF_8));

    assertThat(problem(refused, 400).path("errors").get(0).path("field").asString()).isEqualTo(field);
  }

  @Test
  void healthShowsItsPartsOnlyToAdministrators() {
    JsonNode anonymous = JSON.readTree(send("GET", "/actuator/health", Map.of()).body());
    JsonNode doctor = JSON.readTree(send("GET", "/actuator/health", Map.of("Authorization",
        "Bearer " + tokenFor(TestUser.DR_KIM))).body());
    JsonNode manager = JSON.readTree(send("GET", "/actuator/health", Map.of("Authorization",
        "Bearer " + tokenFor(TestUser.SYSTEM_MANAGER))).body());

    assertThat(anonymous.propertyNames()).as(anonymous.toString()).isSubsetOf("status", "groups");
    assertThat(anonymous.toString()).doesNotContain("diskSpace").doesNotContain("path");
    assertThat(doctor.propertyNames()).as(doctor.toString()).isSubsetOf("status", "groups");
    assertThat(manager.path("components").has("circuitBreakers")).as(manager.toString()).isTrue();
  }

  private RawHttp.Response send(String method, String target, Map<String, String> headers) {
    return RawHttp.send(port, method, target, headers, null);
  }

  private static JsonNode problem(RawHttp.Response answer, int status) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(answer.text()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    return problem;
  }
}
