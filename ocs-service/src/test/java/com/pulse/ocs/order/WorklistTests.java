package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.identity.JobRole;
import static com.pulse.ocs.order.OrdersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/ocs/orders}: each caller sees only what they may, filters combine, STAT comes first and then the
 * oldest, pages say how many match. Each test works on its own patient (and doctors), so other tests' orders in the
 * shared database never change its answers.
 */
@PulseIntegrationTest
class WorklistTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private OrdersClient api;
  private String patient;

  @BeforeEach
  void open() {
    api = new OrdersClient(port, jdbc);
    patient = "P-" + UUID.randomUUID().toString().substring(0, 13);
  }

  @Test
  void eachCallerSeesOnlyWhatTheyMay() throws Exception {
    TestUser doctorA = OrdersClient.doctor("dr.a-" + patient);
    TestUser doctorB = OrdersClient.doctor("dr.b-" + patient);
    String risA1 = api.create(doctorA, patient, JobRole.RIS, OrderPriority.ROUTINE);
    String risA2 = api.create(doctorA, patient, JobRole.RIS, OrderPriority.STAT);
    String lisA = api.create(doctorA, patient, JobRole.LIS, OrderPriority.ROUTINE);
    String risB = api.create(doctorB, patient, JobRole.RIS, OrderPriority.URGENT);
    String mine = "/api/ocs/orders?patientId=" + patient;

    assertThat(ids(mine, doctorA)).containsExactlyInAnyOrder(risA1, risA2, lisA);
    assertThat(ids(mine, doctorB)).containsExactly(risB);
    assertThat(ids(mine, TestUser.RIS_PARK)).containsExactlyInAnyOrder(risA1, risA2, risB);
    assertThat(ids(mine, TestUser.LIS_CHOI)).containsExactly(lisA);
    assertThat(ids(mine, OrdersClient.LIS_SEO)).as("job role from the LIS role").containsExactly(lisA);
    assertThat(ids(mine, TestUser.ADMIN)).containsExactlyInAnyOrder(risA1, risA2, lisA, risB);
    assertThat(ids(mine, TestUser.SYSTEM_MANAGER)).hasSize(4);

    // asking for more than one may see narrows nothing open: the filters only ever narrow what is visible
    assertThat(ids(mine + "&doctorId=" + doctorB.id(), doctorA)).isEmpty();
    assertThat(ids(mine + "&jobRole=LIS", TestUser.RIS_PARK)).isEmpty();

    JsonNode own = page("/api/ocs/orders?size=100", doctorA);
    assertThat(own.path("totalItems").asLong()).isEqualTo(3);
    JsonNode risWorklist = page("/api/ocs/orders?size=100&status=REQUESTED", TestUser.RIS_PARK);
    assertThat(risWorklist.path("items").valueStream().map(o -> o.path("jobRole").asString())).containsOnly("RIS");
  }

  @Test
  void filtersCombine() throws Exception {
    TestUser doctor = OrdersClient.doctor("dr.f-" + patient);
    String stat = api.create(doctor, patient, JobRole.RIS, OrderPriority.STAT);
    String accepted = api.create(doctor, patient, JobRole.RIS, OrderPriority.ROUTINE);
    String started = api.create(doctor, patient, JobRole.RIS, OrderPriority.URGENT);
    String lab = api.create(doctor, patient, JobRole.LIS, OrderPriority.ROUTINE);
    String cancelled = api.create(doctor, patient, JobRole.RIS, OrderPriority.ROUTINE);
    api.done(accepted, OrderAction.ACCEPT, TestUser.RIS_PARK);
    api.done(started, OrderAction.ACCEPT, OrdersClient.RIS_KANG);
    api.done(started, OrderAction.START, OrdersClient.RIS_KANG);
    api.done(cancelled, OrderAction.CANCEL, doctor);
    String base = "/api/ocs/orders?patientId=" + patient;

    assertThat(ids(base + "&status=REQUESTED", TestUser.ADMIN)).containsExactlyInAnyOrder(stat, lab);
    assertThat(ids(base + "&status=ACCEPTED,IN_PROGRESS", TestUser.ADMIN)).containsExactlyInAnyOrder(accepted,
        started);
    assertThat(ids(base + "&status=REQUESTED&status=CANCELLED", TestUser.ADMIN))
        .containsExactlyInAnyOrder(stat, lab, cancelled);
    assertThat(ids(base + "&assigned=false", TestUser.ADMIN)).containsExactlyInAnyOrder(stat, lab, cancelled);
    assertThat(ids(base + "&assigned=true", TestUser.ADMIN)).containsExactlyInAnyOrder(accepted, started);
    assertThat(ids(base + "&workerId=ris.kang", TestUser.ADMIN)).containsExactly(started);
    assertThat(ids(base + "&jobRole=LIS", TestUser.ADMIN)).containsExactly(lab);
    assertThat(ids(base + "&jobRole=RIS&status=REQUESTED&assigned=false", TestUser.RIS_PARK)).containsExactly(stat);
    assertThat(ids(base + "&doctorId=" + doctor.id(), TestUser.ADMIN)).hasSize(5);
    assertThat(ids(base + "&doctorId=dr.nobody", TestUser.ADMIN)).isEmpty();
    assertThat(ids("/api/ocs/orders?doctorId=" + doctor.id() + "&patientId=nobody", TestUser.ADMIN)).isEmpty();

    // createdFrom is inclusive, createdTo exclusive
    String from = createdAt(accepted);
    String to = createdAt(lab);
    assertThat(ids(base + "&createdFrom=" + encode(from) + "&createdTo=" + encode(to), TestUser.ADMIN))
        .containsExactlyInAnyOrder(accepted, started);
    String firstDay = createdAt(stat).substring(0, 10);
    String lastDay = createdAt(cancelled).substring(0, 10);
    assertThat(ids(base + "&createdFrom=" + firstDay + "&createdTo=" + lastDay, TestUser.ADMIN))
        .as("dates: whole days, the last one included").hasSize(5);
  }

  @Test
  void statFirstThenOldestAndPagesSayHowManyMatch() throws Exception {
    TestUser doctor = OrdersClient.doctor("dr.s-" + patient);
    String routine1 = api.create(doctor, patient, JobRole.RIS, OrderPriority.ROUTINE);
    String stat = api.create(doctor, patient, JobRole.RIS, OrderPriority.STAT);
    String routine2 = api.create(doctor, patient, JobRole.RIS, OrderPriority.ROUTINE);
    String urgent = api.create(doctor, patient, JobRole.RIS, OrderPriority.URGENT);
    String stat2 = api.create(doctor, patient, JobRole.RIS, OrderPriority.STAT);
    String base = "/api/ocs/orders?patientId=" + patient;

    assertThat(ids(base, doctor)).containsExactly(stat, stat2, urgent, routine1, routine2);
    assertThat(ids(base + "&sort=-createdAt", doctor)).containsExactly(stat2, urgent, routine2, stat, routine1);
    assertThat(ids(base + "&sort=-priority,-createdAt", doctor))
        .containsExactly(routine2, routine1, urgent, stat2, stat);

    JsonNode first = page(base + "&size=2", doctor);
    assertThat(first.path("items").valueStream().map(o -> o.path("id").asString())).containsExactly(stat, stat2);
    assertThat(first.path("totalItems").asLong()).isEqualTo(5);
    assertThat(first.path("totalPages").asLong()).isEqualTo(3);
    assertThat(ids(base + "&size=2&page=1", doctor)).containsExactly(urgent, routine1);
    assertThat(ids(base + "&size=2&page=2", doctor)).containsExactly(routine2);
    JsonNode past = page(base + "&size=2&page=3", doctor);
    assertThat(past.path("items").size()).isZero();
    assertThat(past.path("totalItems").asLong()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "status=DONE | status",
      "status=REQUESTED,, | status",
      "jobRole=XRAY | jobRole",
      "jobRole=RIS&jobRole=LIS | jobRole",
      "assigned=maybe | assigned",
      "page=-1 | page",
      "page=abc | page",
      "size=0 | size",
      "size=101 | size",
      "sort=name | sort",
      "sort=priority,priority | sort",
      "sort= | sort",
      "createdFrom=yesterday | createdFrom",
      "createdFrom=2026-11-23&createdTo=2026-11-22 | createdTo",
      "colour=red | colour",
      "workerId= | workerId"})
  void badParametersAre400NamingTheParameter(String query, String field) throws Exception {
    HttpResponse<String> response = api.get("/api/ocs/orders?" + query, TestUser.ADMIN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).contains(field);
    assertThat(problem.path("detail").asString()).contains(field);
  }

  @Test
  void everyBadParameterIsNamedAtOnce() throws Exception {
    JsonNode problem = json(api.get("/api/ocs/orders?status=DONE&size=1000&sort=name", TestUser.ADMIN));

    assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("status", "size", "sort");
  }

  @Test
  void badValuesAreExplainedInTheirOwnTermsWithoutInternals() throws Exception {
    HttpResponse<String> response = api.get("/api/ocs/orders?status=REQUESTED,DONE&createdFrom=yesterday"
        + "&sort=priority,name&assigned=maybe&page=abc&size=1000&jobRole=LIS&jobRole=RIS", TestUser.ADMIN);

    assertThat(response.statusCode()).isEqualTo(400);
    Map<String, String> errors = json(response).path("errors").valueStream()
        .collect(Collectors.toMap(e -> e.path("field").asString(), e -> e.path("message").asString()));
    assertThat(errors).containsOnlyKeys("status", "createdFrom", "sort", "assigned", "page", "size", "jobRole");
    assertThat(errors.get("status"))
        .isEqualTo("must be one of [REQUESTED, ACCEPTED, IN_PROGRESS, COMPLETED, CANCELLED], got 'DONE'");
    assertThat(errors.get("createdFrom")).isEqualTo(
        "must be a date (2026-11-22) or a date-time with an offset (2026-11-22T09:00:00Z), got 'yesterday'");
    assertThat(errors.get("sort")).isEqualTo("must be a comma-separated list of [priority, createdAt, acceptedAt, "
        + "startedAt, completedAt], each optionally prefixed with '-', got 'name'");
    assertThat(errors.get("assigned")).isEqualTo("must be true or false, got 'maybe'");
    assertThat(errors.get("page")).isEqualTo("must be an integer, got 'abc'");
    assertThat(errors.get("jobRole")).isEqualTo("must be given once");
    assertThat(response.body()).doesNotContain("java.", "com.pulse", "Exception", "Failed to convert");
  }

  @Test
  void onlyTheQueryStringIsRead() throws Exception {
    TestUser doctor = OrdersClient.doctor("dr.h-" + patient);
    api.create(doctor, patient, JobRole.RIS, OrderPriority.ROUTINE);
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/ocs/orders?patientId=" + patient))
        .header("Authorization", doctor.bearer()).header("Size", "1").header("Status", "CANCELLED").build();

    JsonNode page = json(OrdersClient.HTTP.send(request, HttpResponse.BodyHandlers.ofString()));

    assertThat(page.path("size").asInt()).as("a header is no parameter").isEqualTo(20);
    assertThat(page.path("totalItems").asLong()).isEqualTo(1);
  }

  @Test
  void aDoctorWhoIsAlsoAWorkerSeesTheirOwnAndTheirJobRolesAndFiltersNarrowBoth() throws Exception {
    TestUser both = new TestUser("dr.ris-" + patient, "both", List.of("DOCTOR", "RIS"), "RIS", null, null);
    TestUser other = OrdersClient.doctor("dr.o-" + patient);
    String ownLab = api.create(both, patient, JobRole.LIS, OrderPriority.ROUTINE);
    String ownElsewhere = api.create(both, patient + "-other", JobRole.LIS, OrderPriority.ROUTINE);
    String othersRadiology = api.create(other, patient, JobRole.RIS, OrderPriority.ROUTINE);
    String othersLab = api.create(other, patient, JobRole.LIS, OrderPriority.ROUTINE);

    List<String> seen = ids("/api/ocs/orders?size=100&patientId=" + patient, both);

    assertThat(seen).containsExactlyInAnyOrder(ownLab, othersRadiology).doesNotContain(ownElsewhere, othersLab);
    assertThat(ids("/api/ocs/orders?size=100&patientId=" + patient + "&jobRole=LIS", both)).containsExactly(ownLab);
  }

  private String createdAt(String id) throws Exception {
    return json(api.get("/api/ocs/orders/" + id, TestUser.ADMIN)).path("createdAt").asString();
  }

  private JsonNode page(String path, TestUser user) throws Exception {
    HttpResponse<String> response = api.get(path, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private List<String> ids(String path, TestUser user) throws Exception {
    return page(path, user).path("items").valueStream().map(o -> o.path("id").asString()).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
