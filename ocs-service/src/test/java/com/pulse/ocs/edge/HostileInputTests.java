package com.pulse.ocs.edge;

import static com.pulse.ocs.edge.OcsApi.field;
import static com.pulse.ocs.edge.OcsApi.problem;
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
 * The probes of issue 11 (items 4 and 5) that ended in a 500 or in data nobody meant, now each a 400 (or 415, 404)
 * problem naming the field, with nothing written: a NUL in a body field or a filter (PostgreSQL refused the byte;
 * the gateway retried the GET three times), a date before year 1 (a long overflow), {@code multipart/form-data},
 * {@code GET /error}, and Jackson's coercions ({@code jobRole: 1} was LIS, {@code priority: 2} STAT,
 * {@code patientId: 1.5} "1.5", {@code "\ud800x"} stored as {@code ?x}, the last of two keys won).
 */
@PulseIntegrationTest
class HostileInputTests {

  private static final String VALID = "{\"patientId\":\"P-1\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\","
      + "\"priority\":\"ROUTINE\",\"notes\":\"none\"}";

  @LocalServerPort int port;

  @ParameterizedTest(name = "{1} ← {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`\"P-1\"`              | `\"P-1\\u0000\"`                | patientId",
      "`\"CT-HEAD\"`          | `\"CT\\u0000HEAD\"`             | orderCode",
      "`\"none\"`             | `\"\\u0000\"`                   | notes",
      "`\"none\"`             | `\"\\ud800x\"`                  | notes",
      "`\"none\"`             | `\"\\u001b[2J\"`                | notes",
      "`\"RIS\"`              | `1`                             | jobRole",
      "`\"RIS\"`              | `\"1\"`                         | jobRole",
      "`\"ROUTINE\"`          | `2`                             | priority",
      "`\"P-1\"`              | `1.5`                           | patientId",
      "`\"CT-HEAD\"`          | `42`                            | orderCode"})
  void aCreateWithABadFieldIsA400NamingItAndCreatesNothing(String valid, String bad, String field) {
    OcsApi api = new OcsApi(port);
    TestUser doctor = OcsApi.freshDoctor();

    JsonNode problem = problem(api.post("/api/ocs/orders", doctor, VALID.replace(valid, bad)), 400);

    assertThat(field(problem)).isEqualTo(field);
    assertThat(api.ordersOf(doctor)).isZero();
  }

  @Test
  void aKeyGivenTwiceIsA400NamingIt() {
    OcsApi api = new OcsApi(port);
    TestUser doctor = OcsApi.freshDoctor();

    JsonNode problem = problem(api.post("/api/ocs/orders", doctor,
        VALID.replace("{", "{\"jobRole\":\"LIS\",")), 400);

    assertThat(field(problem)).isEqualTo("jobRole");
    assertThat(api.ordersOf(doctor)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "cancel   | `{\"reason\":\"twice\\u0000\"}`  | reason",
      "cancel   | `{\"reason\":\"\\udfff\"}`       | reason",
      "complete | `{\"result\":\"ok\\u0000\"}`     | result",
      "complete | `{\"result\":7}`                 | result"})
  void anActionWithABadFieldIsA400NamingItAndChangesNothing(String action, String body, String field) {
    OcsApi api = new OcsApi(port);
    TestUser doctor = OcsApi.freshDoctor();
    String id = api.create(doctor);
    JsonNode before = api.order(id, doctor);

    JsonNode problem = problem(api.post("/api/ocs/orders/" + id + "/" + action, TestUser.ADMIN, body), 400);

    assertThat(field(problem)).isEqualTo(field);
    assertThat(api.order(id, doctor)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}=…%00")
  @ValueSource(strings = {"doctorId", "workerId", "patientId", "status", "sort"})
  void aNulInAFilterIsA400NamingIt(String filter) {
    JsonNode problem = problem(new OcsApi(port).get("/api/ocs/orders?" + filter + "=P-1%00", TestUser.ADMIN), 400);

    assertThat(field(problem)).isEqualTo(filter);
  }

  @ParameterizedTest(name = "createdFrom={0}")
  @ValueSource(strings = {"-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z"})
  void aDateOutsideYears1To9999IsA400NamingIt(String from) {
    JsonNode problem = problem(new OcsApi(port).get("/api/ocs/orders?createdFrom=" + from, TestUser.ADMIN), 400);

    assertThat(field(problem)).isEqualTo("createdFrom");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"multipart/form-data; boundary=x", "multipart/form-data"})
  void multipartIsAnUnsupportedType(String type) {
    byte[] body = "--x\r\nContent-Disposition: form-data; name=\"patientId\"\r\n\r\nP-1\r\n--x--\r\n"
        .getBytes(StandardCharsets.UTF_8);
    TestUser doctor = OcsApi.freshDoctor();

    problem(RawHttp.send(port, "POST", "/api/ocs/orders", Map.of("Authorization", doctor.bearer(),
        "Content-Type", type), body), 415);
    assertThat(new OcsApi(port).ordersOf(doctor)).isZero();
    // a GET's body is nobody's business: the worklist, not a parser's 500
    RawHttp.Response worklist = RawHttp.send(port, "GET", "/api/ocs/orders", Map.of("Authorization",
        doctor.bearer(), "Content-Type", type), body);
    assertThat(worklist.status()).as(worklist.text()).isEqualTo(200);
  }

  @Test
  void theErrorPageAndUnknownPathsAreProblemsWithoutTheFrameworksWords() {
    OcsApi api = new OcsApi(port);

    assertThat(problem(api.get("/error", null), 404).path("detail").asString()).isEqualTo("No such endpoint.");
    RawHttp.Response unknown = api.get("/api/ocs/nothing", TestUser.ADMIN);
    problem(unknown, 404);
    assertThat(unknown.text()).doesNotContain("static resource");
  }
}
