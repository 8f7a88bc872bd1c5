package com.pulse.platform.web;

import static com.pulse.platform.web.StrictBodiesTests.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every error a servlet service gives, through the real Tomcat, is an RFC 9457 problem (issue 11, items 4, 6, 9):
 * before, a NUL in a filter or an out-of-range date was a 500, {@code multipart/form-data} a 500, {@code GET /error}
 * a 500 {@code {"status":999}}, an unknown path said "No static resource …", and Tomcat's and the firewall's own
 * refusals (TRACE, {@code ..;/}, a broken request line) came back as HTML or Boot's error JSON.
 */
@PulseIntegrationTest
class EveryErrorAProblemTests {

  @LocalServerPort int port;

  @ParameterizedTest(name = "?{0}")
  @CsvSource(delimiter = '|', value = {
      "name=P-1%00            | name",
      "name=%1B%5B2J          | name",
      "name=%ED%A0%80         | name",
      "name=%zz               | name",
      "x%00=1                 | x\\u0000"})
  void controlCharactersInAQueryParameterAreA400NamingIt(String query, String field) {
    JsonNode problem = problem(get("/test/widgets?" + query), 400);

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
  }

  @ParameterizedTest(name = "createdFrom={0}")
  @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z", "0000-12-31T23:59:59Z"})
  void anInstantOutsideYears1To9999IsA400NamingIt(String from) {
    JsonNode problem = problem(get("/test/widgets?createdFrom=" + from), 400);

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("createdFrom");
  }

  @Test
  void ordinaryFiltersStillWork() {
    RawHttp.Response answer = get("/test/widgets?name=%ED%95%9C&createdFrom=2026-11-22T09:00:00Z");

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"multipart/form-data; boundary=pulse", "multipart/form-data", "text/plain",
      "application/xml", "application/x-www-form-urlencoded"})
  void anUnsupportedContentTypeIs415(String type) {
    byte[] body = (type.startsWith("multipart")
        ? "--pulse\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nw\r\n--pulse--\r\n" : "name=w")
        .getBytes(StandardCharsets.UTF_8);
    RawHttp.Response answer = RawHttp.send(port, "POST", "/test/widgets", Map.of("Authorization",
        TestUser.DR_KIM.bearer(), "Content-Type", type), body);

    assertThat(problem(answer, 415).path("detail").asString())
        .startsWith("This endpoint takes a body of type application/json");
  }

  @Test
  void aFormBodyWithAControlCharacterInANameIsA400() {
    RawHttp.Response answer = RawHttp.send(port, "POST", "/test/widgets", Map.of("Authorization",
        TestUser.DR_KIM.bearer(), "Content-Type", "application/x-www-form-urlencoded"),
        "a%01b=1".getBytes(StandardCharsets.UTF_8));

    problem(answer, 400);
  }

  @Test
  void theErrorPageItselfIsNoEndpoint() {
    assertThat(problem(RawHttp.send(port, "GET", "/error", Map.of(), null), 404).path("detail").asString())
        .isEqualTo("No such endpoint.");
    problem(get("/error"), 404);
  }

  @Test
  void anUnknownPathIsA404WithoutTheFrameworksWords() {
    RawHttp.Response answer = get("/api/nothing/here");

    assertThat(problem(answer, 404).path("detail").asString()).isEqualTo("No such endpoint.");
    assertThat(answer.text()).doesNotContain("static resource");
  }

  @Test
  void aMethodAnEndpointDoesNotTakeIs405() {
    RawHttp.Response answer = RawHttp.send(port, "DELETE", "/test/widgets", Map.of("Authorization",
        TestUser.DR_KIM.bearer()), null);

    assertThat(problem(answer, 405).path("detail").asString()).isEqualTo("This endpoint takes only GET, POST.");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"TRACE, /test/widgets, 405", "FOO, /test/widgets, 400", "GET, /test/..;/actuator/env, 400",
      "GET, /test/%2e%2e/actuator/env, 400", "GET, //test/widgets, 400", "GET, /test/widgets/%00, 400",
      "GET, /test/%5C..%5Cactuator, 400"})
  void aRequestTomcatOrTheFirewallRefusesIsAProblemToo(String method, String target, int status) {
    problem(RawHttp.send(port, method, target, Map.of("Authorization", TestUser.DR_KIM.bearer()), null), status);
  }

  @Test
  void aRequestLineThatIsNotHttpIsAProblem() {
    RawHttp.Response answer = RawHttp.send(port, "GET /a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1));

    assertThat(answer.text()).doesNotContain("<html").doesNotContain("Tomcat");
    problem(answer, 400);
  }

  @Test
  void headersOrAUrlOverTheLimitAreAProblem() {
    RawHttp.Response headers = RawHttp.send(port, "GET", "/test/widgets", Map.of("X-Padding", "x".repeat(70_000)),
        null);
    RawHttp.Response url = RawHttp.send(port, "GET", "/test/widgets?pad=" + "x".repeat(70_000), Map.of(), null);

    assertThat(headers.status()).isBetween(400, 431);
    problem(headers, headers.status());
    problem(url, url.status());
  }

  private RawHttp.Response get(String target) {
    return RawHttp.send(port, "GET", target, Map.of("Authorization", TestUser.DR_KIM.bearer()), null);
  }
}
