package com.pulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.problems.ProblemTexts;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a client sees when it gets something wrong: always problem details, never internals. */
@PulseIntegrationTest
class ApiErrorsTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void noTokenIs401ProblemWithAChallenge() throws Exception {
    HttpResponse<String> response = send(post("/test/widgets", "{}", null));

    assertProblem(response, 401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void expiredOrForeignTokensAre401() throws Exception {
    String expired = TestTokens.shared().issue(TestUser.DR_KIM, Duration.ofMinutes(-5));
    String tampered = TestUser.DR_KIM.token().replaceAll(".$", "A").replaceAll(".(?=[^.]*$)", "B");

    assertProblem(send(post("/test/widgets", "{}", expired)), 401);
    assertProblem(send(post("/test/widgets", "{}", tampered)), 401);
    assertProblem(send(post("/test/widgets", "{}", "not.a.jwt")), 401);
  }

  @Test
  void aRoleCheckInAHandlerIs403Problem() throws Exception {
    String body = "{\"name\":\"w\",\"color\":\"RED\",\"size\":1}";

    assertProblem(send(post("/test/widgets", body, TestUser.RIS_PARK.token())), 403);
    HttpResponse<String> ok = send(post("/test/widgets", body, TestUser.DR_KIM.token()));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).path("by").asString()).isEqualTo("dr.kim");
  }

  @Test
  void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
    JsonNode problem = assertProblem(send(post("/test/widgets", "{\"name\":\"w\",\"color\":\"PURPLE\"}",
        TestUser.DR_KIM.token())), 400);

    assertThat(problem.path("detail").asString()).contains("'color'").contains("[RED, GREEN]").contains("PURPLE");
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("color");
  }

  @Test
  void missingAndInvalidFieldsAreEachNamed() throws Exception {
    JsonNode problem = assertProblem(send(post("/test/widgets", "{\"size\":0}", TestUser.DR_KIM.token())), 400);

    assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("name", "color", "size");
  }

  @Test
  void malformedJsonSaysWhere() throws Exception {
    JsonNode problem = assertProblem(send(post("/test/widgets", "{\"name\": ", TestUser.DR_KIM.token())), 400);

    assertThat(problem.path("detail").asString()).startsWith("Malformed JSON");
  }

  @Test
  void aWrongTypeInThePathIsNamed() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/test/widgets/42"))
        .header("Authorization", "Bearer " + TestUser.DR_KIM.token()).build();

    JsonNode problem = assertProblem(send(request), 400);
    assertThat(problem.path("detail").asString()).contains("'id' must be a UUID");
  }

  @Test
  void anUnexpectedFailureIs500WithoutInternals() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/test/boom"))
        .header("Authorization", "Bearer " + TestUser.DR_KIM.token()).build();

    HttpResponse<String> response = send(request);
    assertProblem(response, 500);
    assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
  }

  @Test
  void healthIsOpenWithoutAToken() throws Exception {
    assertThat(send(HttpRequest.newBuilder(uri("/actuator/health")).build()).statusCode()).isEqualTo(200);
  }

  /** The service itself refuses what the gateway would: a body over 1 MB, declared or chunked, is 413. */
  @Test
  void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

    JsonNode declared = assertProblem(send(post("/test/widgets", big, TestUser.DR_KIM.token())), 413);
    assertThat(declared.path("detail").asString()).isEqualTo(ProblemTexts.CONTENT_TOO_LARGE);

    HttpRequest chunked = HttpRequest.newBuilder(uri("/test/widgets")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + TestUser.DR_KIM.token())
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .build();
    assertProblem(send(chunked), 413);
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    return problem;
  }

  private HttpRequest post(String path, String body, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
