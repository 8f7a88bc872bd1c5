package com.pulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query parameters bound to a record ({@code @ModelAttribute}): every value that cannot be converted or fails a
 * constraint is named with what it should have been, in the same problem as the handler's own checks, and no
 * exception text or Java class name reaches the client. The endpoint: {@link WidgetSearchController}.
 */
@PulseIntegrationTest
class QueryBindingErrorsTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void everyBadParameterIsNamedWithWhatItShouldBe() throws Exception {
    HttpResponse<String> response = get("/test/widget-search?color=PURPLE&colors=RED,BLUE&size=0&shade=lots");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
    assertThat(problem.path("detail").asString()).contains("color", "colors", "size", "shade");
    Map<String, String> errors = errors(problem);
    assertThat(errors).containsOnlyKeys("color", "colors", "size", "shade");
    assertThat(errors.get("color")).isEqualTo("must be one of [RED, GREEN], got 'PURPLE'");
    assertThat(errors.get("colors")).as("the bad element of a list").isEqualTo("must be one of [RED, GREEN], got 'BLUE'");
    assertThat(errors.get("shade")).isEqualTo("must be a percentage such as 40%, got 'lots'");
    assertThat(errors.get("size")).isNotBlank();
    assertThat(response.body()).doesNotContain("java.", "com.pulse", "Failed to convert", "Exception");
  }

  @Test
  void aHandlersOwnChecksJoinTheBindingErrors() throws Exception {
    JsonNode problem = JSON.readTree(get("/test/widget-search?size=13&colors=ORANGE").body());

    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(errors(problem)).containsOnlyKeys("size", "colors").containsEntry("size", "is unlucky");
  }

  @Test
  void goodParametersAreBound() throws Exception {
    HttpResponse<String> response = get("/test/widget-search?color=GREEN&colors=RED,GREEN&size=2&shade=40%25");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("found").asString()).isEqualTo("GREEN [RED, GREEN] 2 40");
  }

  private static Map<String, String> errors(JsonNode problem) {
    return problem.path("errors").valueStream()
        .collect(Collectors.toMap(e -> e.path("field").asString(),
            e -> e.path("message").asString()));
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestUser.DR_KIM.bearer()).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
