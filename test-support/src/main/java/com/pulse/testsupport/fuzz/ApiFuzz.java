package com.pulse.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.http.RawHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes a running service over its endpoints, one dynamic test per spoiled request. Use from a
 * {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> noInputIsA5xx() {
 *   return ApiFuzz.on(port, TestUser.ADMIN::bearer).over(List.of(
 *       Endpoint.post("/api/vote/polls", "{\"title\":\"Lunch\",\"options\":[\"A\",\"B\"]}"),
 *       Endpoint.get("/api/vote/polls/{id}").pathVariable("id", pollId),
 *       Endpoint.get("/api/vote/polls").query("status", "OPEN")));
 * }
 * }</pre>
 *
 * Every answer must be below 500, arrive within 20 s, and if it is an error, be {@code application/problem+json}
 * with the same {@code status}; input that is never valid (control characters, broken encoding, duplicate keys, a
 * wrong content type, an odd method) must be a 4xx.
 */
public final class ApiFuzz {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final Supplier<String> authorization;

  private ApiFuzz(int port, Supplier<String> authorization) {
    this.port = port;
    this.authorization = authorization;
  }

  /** @param authorization the {@code Authorization} header every probe carries, e.g. {@code TestUser.ADMIN::bearer} */
  public static ApiFuzz on(int port, Supplier<String> authorization) {
    return new ApiFuzz(port, authorization);
  }

  public Stream<DynamicTest> over(List<Endpoint> endpoints) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization.get());
    headers.put("Accept", "application/json, application/problem+json");
    List<Probe> probes = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      probes.addAll(TargetProbes.of(endpoint, headers));
      if (endpoint.body() != null) {
        String target = endpoint.samplePath() + query(endpoint);
        probes.addAll(BodyProbes.of(endpoint, target, headers));
      }
    }
    return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> check(probe)));
  }

  private void check(Probe probe) {
    RawHttp.Response answer = RawHttp.send(port, probe.method(), probe.target(), probe.headers(), probe.body());
    String seen = answer.status() + " " + answer.header("Content-Type") + " " + abbreviate(answer.text());
    assertThat(answer.status()).as("%s → %s", probe.name(), seen).isLessThan(500);
    if (probe.mustRefuse()) {
      assertThat(answer.status()).as("%s must be refused → %s", probe.name(), seen).isBetween(400, 499);
    }
    if (answer.status() >= 400) {
      assertThat(answer.header("Content-Type")).as("%s → %s", probe.name(), seen)
          .startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("status").asInt()).as("%s → %s", probe.name(), seen).isEqualTo(answer.status());
      assertThat(problem.path("title").asString()).as("%s → %s", probe.name(), seen).isNotBlank();
    }
  }

  private static String query(Endpoint endpoint) {
    StringBuilder query = new StringBuilder();
    endpoint.query().forEach((name, value) -> query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
    return query.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
