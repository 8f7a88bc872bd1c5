package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what: every endpoint × every kind of user gives the documented status; a refused request is a problem
 * and changes nothing (no value, no alert, no event). QUALITY and ADMIN manage; OPERATOR records and acknowledges;
 * SYSTEMMANAGER reads; a DOCTOR, NURSE, RIS worker, PATIENT or EMPLOYEE gets 403 everywhere.
 */
@PulseIntegrationTest
class RoleMatrixTests {

  static final List<TestUser> USERS = List.of(TestUser.QA_JUNG, TestUser.OP_HAN, TestUser.ADMIN,
      TestUser.SYSTEM_MANAGER, TestUser.DR_KIM, TestUser.NURSE_YOON, TestUser.RIS_PARK, TestUser.PATIENT_1001,
      TestUser.EMP_12345);
  static final Set<String> READERS = Set.of("QUALITY", "OPERATOR", "ADMIN", "SYSTEMMANAGER");
  static final Set<String> MANAGERS = Set.of("QUALITY", "ADMIN");
  static final Set<String> MEASURERS = Set.of("OPERATOR", "QUALITY", "ADMIN");

  /** An endpoint: method, path ({product} and {alert} filled in), body, who may, and the status they get. */
  enum Call {
    CREATE_PRODUCT("POST", "/api/spc/products", "NEW", MANAGERS, 201),
    LIST_PRODUCTS("GET", "/api/spc/products", null, READERS, 200),
    GET_PRODUCT("GET", "/api/spc/products/{product}", null, READERS, 200),
    CHANGE_SPEC("PUT", "/api/spc/products/{product}/spec", "{\"lsl\":9.4,\"usl\":10.6}", MANAGERS, 200),
    MEASURE("POST", "/api/spc/products/{product}/measurements", "{\"value\":10.0}", MEASURERS, 201),
    MEASURE_BATCH("POST", "/api/spc/products/{product}/measurements/batch",
        "{\"measurements\":[{\"value\":10.0},{\"value\":10.1}]}", MEASURERS, 201),
    CHART("GET", "/api/spc/products/{product}/chart?last=5", null, READERS, 200),
    GET_LIMITS("GET", "/api/spc/products/{product}/control-limits", null, READERS, 200),
    FREEZE_LIMITS("POST", "/api/spc/products/{product}/control-limits", "{}", MANAGERS, 201),
    ANALYZE("POST", "/api/spc/products/{product}/capability", "{}", MANAGERS, 201),
    GET_CAPABILITY("GET", "/api/spc/products/{product}/capability", null, READERS, 200),
    RAISE_ALERT("POST", "/api/spc/alerts", "{\"productId\":{product},\"title\":\"Check\"}", MANAGERS, 201),
    LIST_ALERTS("GET", "/api/spc/alerts?productId={product}", null, READERS, 200),
    ALERT_STATS("GET", "/api/spc/alerts/stats", null, READERS, 200),
    GET_ALERT("GET", "/api/spc/alerts/{alert}", null, READERS, 200),
    ACKNOWLEDGE("POST", "/api/spc/alerts/{alert}/acknowledge", null, MEASURERS, 200),
    RESOLVE("POST", "/api/spc/alerts/{alert}/resolve", "{\"cause\":\"Tool\",\"action\":\"Replaced\"}", MANAGERS,
        200);

    final String method;
    final String path;
    final String body;
    final Set<String> allowed;
    final int success;

    Call(String method, String path, String body, Set<String> allowed, int success) {
      this.method = method;
      this.path = path;
      this.body = body;
      this.allowed = allowed;
      this.success = success;
    }

    boolean writes() {
      return !method.equals("GET");
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Call call : Call.values()) {
      for (TestUser user : USERS) {
        boolean allowed = user.roles().stream().anyMatch(call.allowed::contains);
        cases.add(Arguments.of(call, user.id(), user, allowed ? call.success : 403));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} → {3}")
  @MethodSource("cases")
  void call(Call call, String name, TestUser user, int expected) throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long product = api.product(2);
    api.batch(product, List.of(10.0, 10.1, 9.9, 10.0, 10.05, 9.95, 10.1, 10.2));
    assertThat(api.post("/api/spc/products/" + product + "/control-limits", "{}", TestUser.QA_JUNG).statusCode())
        .isEqualTo(201);
    assertThat(api.post("/api/spc/products/" + product + "/capability", "{}", TestUser.QA_JUNG).statusCode())
        .isEqualTo(201);
    HttpResponse<String> raised = api.post("/api/spc/alerts", "{\"productId\":" + product + ",\"title\":\"Look\"}",
        TestUser.QA_JUNG);
    long alert = SpcClient.json(raised).path("id").asLong();
    Map<String, Long> before = state(api, product);

    String path = call.path.replace("{product}", Long.toString(product)).replace("{alert}", Long.toString(alert));
    String body = call.body == null ? null : call.body.equals("NEW")
        ? "{\"code\":\"" + SpcClient.code("RM") + "\",\"name\":\"Role\",\"usl\":5,\"subgroupSize\":1}"
        : call.body.replace("{product}", Long.toString(product));
    HttpResponse<String> response = api.send(call.method, path, body, user, null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected == 403) {
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(state(api, product)).isEqualTo(before);
    } else if (call.writes() && call != Call.CREATE_PRODUCT && call != Call.CHANGE_SPEC) {
      assertThat(state(api, product).get("events")).isGreaterThan(before.get("events"));
    }
  }

  private static Map<String, Long> state(SpcClient api, long product) {
    return Map.of("values", api.measurements(product), "alerts", api.alerts(product), "events",
        api.outboxEvents(product));
  }
}
