package com.pulse.notification.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.http.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service's errors, through its real server (issue 11, items 4, 5, 6 and 9): strict preference bodies
 * (a number was a priority, the last of two keys won), control characters in filters, an event stream's 400 as a
 * problem (it came back as {@code text/event-stream}), an unknown path without "No static resource", Netty's own
 * refusals with a body, and health details for administrators only.
 */
@PulseIntegrationTest
class NotificationErrorsTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PREFERENCES = "/api/notifications/preferences";

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"minimumPriority\":2}`                                   | minimumPriority",
      "`{\"minimumPriority\":\"HIGH\",\"minimumPriority\":\"LOW\"}` | minimumPriority",
      "`{\"mutedTypes\":[1]}`                                      | mutedTypes[0]",
      "`{\"mutedTypes\":[\"ocs.order.created\\u0000\"]}`          | mutedTypes[0]",
      "`{\"mutedTypes\":[\"\\ud800\"]}`                           | mutedTypes[0]",
      "`{\"minimumPriority\":true}`                                | minimumPriority"})
  void preferencesAreReadStrictlyNamingTheFieldAndChangingNothing(String body, String field) {
    TestUser user = freshUser();
    assertThat(send("PUT", PREFERENCES, user, "{\"minimumPriority\":\"NORMAL\"}").status()).isEqualTo(200);

    JsonNode problem = problem(send("PUT", PREFERENCES, user, body), 400);

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(JSON.readTree(send("GET", PREFERENCES, user, null).body()).path("minimumPriority").asString())
        .isEqualTo("NORMAL");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/api/notifications/events?channel=user:x%00       | channel",
      "/api/notifications?cursor=%00                     | cursor",
      "/api/notifications?size=%ED%A0%80                 | size",
      "/api/notifications/events?channel=user:{me}&since=%1B | since"})
  void controlCharactersInAFilterAreA400NamingIt(String target, String field) {
    TestUser user = freshUser();
    JsonNode problem = problem(send("GET", target.replace("{me}", user.id()), user, null), 400);

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
  }

  @Test
  void anEventStreamRefusedIsAProblemNotAnEvent() {
    RawHttp.Response refused = RawHttp.send(port, "GET", "/sse?channels=nope:nothing", Map.of("Authorization",
        TestUser.ADMIN.bearer(), "Accept", "text/event-stream"), null);

    assertThat(problem(refused, 400).path("errors").get(0).path("field").asString()).isEqualTo("channels");
    RawHttp.Response forbidden = RawHttp.send(port, "GET", "/sse?channels=user:someone-else", Map.of(
        "Authorization", TestUser.DR_KIM.bearer(), "Accept", "text/event-stream"), null);
    problem(forbidden, 403);
  }

  @Test
  void anUnknownPathIsA404WithoutTheFrameworksWords() {
    RawHttp.Response unknown = send("GET", "/api/notifications/nothing/here", freshUser(), null);

    assertThat(problem(unknown, 404).path("detail").asString()).isEqualTo("No such endpoint.");
    assertThat(unknown.text()).doesNotContain("static resource");
  }

  @Test
  void whatNettyRefusesItselfIsAProblemToo() {
    RawHttp.Response longUrl = RawHttp.send(port, "GET", "/api/notifications?pad=" + "x".repeat(70_000), Map.of(),
        null);
    RawHttp.Response bigHeaders = RawHttp.send(port, "GET", "/api/notifications", Map.of("X-Padding",
        "x".repeat(70_000)), null);
    RawHttp.Response notHttp = RawHttp.send(port, "GET /a b c\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    RawHttp.Response notAUri = RawHttp.send(port, "POST", "/api/notifications/%zz/read", Map.of(), null);
    RawHttp.Response notASocketUri = RawHttp.send(port, "GET", "/ws/%E", Map.of(), null);

    assertThat(problem(longUrl, 414).path("detail").asString()).isEqualTo("The request's URL is too long.");
    assertThat(problem(bigHeaders, 431).path("detail").asString()).isEqualTo("The request's headers are too large.");
    problem(notHttp, 400);
    assertThat(problem(notAUri, 400).path("detail").asString()).startsWith("The request's URL is not a valid URI");
    problem(notASocketUri, 400);
  }

  @Test
  void healthShowsItsPartsOnlyToAdministrators() {
    JsonNode anonymous = JSON.readTree(RawHttp.send(port, "GET", "/actuator/health", Map.of(), null).body());
    JsonNode doctor = JSON.readTree(send("GET", "/actuator/health", TestUser.DR_KIM, null).body());
    JsonNode admin = JSON.readTree(send("GET", "/actuator/health", TestUser.ADMIN, null).body());

    assertThat(anonymous.propertyNames()).isSubsetOf("status", "groups");
    assertThat(doctor.propertyNames()).isSubsetOf("status", "groups");
    assertThat(admin.path("components").has("db")).as(admin.toString()).isTrue();
  }

  private RawHttp.Response send(String method, String target, TestUser user, String body) {
    return RawHttp.send(port, method, target, body == null ? Map.of("Authorization", user.bearer())
            : Map.of("Authorization", user.bearer(), "Content-Type", "application/json"),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static TestUser freshUser() {
    String id = "edge-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    return new TestUser(id, id, java.util.List.of("DOCTOR"), null, null, null);
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
