package com.pulse.platform.web;

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
 * Request bodies are read exactly as written (issue 11, items 4 and 5): before, {@code "color": 1} became GREEN,
 * {@code "name": 1.5} became "1.5", the last of two {@code name} keys won, a lone surrogate was stored as {@code ?},
 * and a NUL reached PostgreSQL and came back as a 500. Each is now a 400 problem naming the field.
 */
@PulseIntegrationTest
class StrictBodiesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"name\":\"w\",\"color\":1}`                   | color",
      "`{\"name\":\"w\",\"color\":\"1\"}`               | color",
      "`{\"name\":1.5,\"color\":\"RED\"}`               | name",
      "`{\"name\":15,\"color\":\"RED\"}`                | name",
      "`{\"name\":true,\"color\":\"RED\"}`              | name",
      "`{\"name\":\"w\",\"color\":\"RED\",\"size\":\"2\"}` | size",
      "`{\"name\":\"w\",\"color\":\"RED\",\"size\":2.5}`   | size",
      "`{\"name\":\"w\",\"name\":\"v\",\"color\":\"RED\"}` | name",
      "`{\"name\":\"w\\u0000\",\"color\":\"RED\"}`       | name",
      "`{\"name\":\"\\u001b[2J\",\"color\":\"RED\"}`     | name",
      "`{\"name\":\"\\ud800x\",\"color\":\"RED\"}`       | name",
      "`{\"name\":\"x\\udc00\",\"color\":\"RED\"}`       | name"})
  void whatJacksonUsedToBendIsA400NamingTheField(String body, String field) {
    RawHttp.Response answer = post(body.getBytes(StandardCharsets.UTF_8));

    JsonNode problem = problem(answer, 400);
    assertThat(problem.path("errors").get(0).path("field").asString()).as(body).isEqualTo(field);
    assertThat(problem.path("detail").asString()).as(body).startsWith("'" + field + "'")
        .doesNotContain("tools.jackson").doesNotContain("`");
  }

  @Test
  void aSurrogateSentAsRawUtf8BytesIsRefusedToo() {
    byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ',',
        '"', 'c', 'o', 'l', 'o', 'r', '"', ':', '"', 'R', 'E', 'D', '"', '}'};

    problem(post(body), 400);
  }

  @Test
  void tabsNewlinesAndAnyScriptAreStillText() {
    RawHttp.Response answer = post("{\"name\":\"위젯\\t😀\\n\",\"color\":\"RED\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).path("name").asString()).isEqualTo("위젯\t😀\n");
  }

  private RawHttp.Response post(byte[] body) {
    return RawHttp.send(port, "POST", "/test/widgets", Map.of("Authorization", TestUser.DR_KIM.bearer(),
        "Content-Type", "application/json"), body);
  }

  static JsonNode problem(RawHttp.Response answer, int status) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(answer.text()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asString()).isNotBlank();
    return problem;
  }
}
