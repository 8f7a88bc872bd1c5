package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what: every action × every kind of caller, on a RIS and on a LIS order created by dr.kim, gives the
 * documented status; a refused action changes nothing and writes no event, an allowed one writes exactly one.
 *
 * <p>403: the caller's role never allows the action, or the order is theirs to see but not to do this to. 404: the
 * caller may not see the order at all (another doctor's, another job role's), exactly as {@code GET} answers.
 */
@PulseIntegrationTest
class OrderRoleMatrixTests {

  /** A caller relative to the order: the same kind of caller for a RIS and for a LIS order. */
  enum Caller {
    OWN_DOCTOR(role -> TestUser.DR_KIM),
    OTHER_DOCTOR(role -> TestUser.DR_LEE),
    OWN_ROLE_WORKER_WHO_ACCEPTED(role -> role == JobRole.RIS ? TestUser.RIS_PARK : TestUser.LIS_CHOI),
    OWN_ROLE_OTHER_WORKER(role -> role == JobRole.RIS ? OrdersClient.RIS_KANG : OrdersClient.LIS_SEO),
    OTHER_ROLE_WORKER(role -> role == JobRole.RIS ? TestUser.LIS_CHOI : TestUser.RIS_PARK),
    ADMIN(role -> TestUser.ADMIN),
    SYSTEM_MANAGER(role -> TestUser.SYSTEM_MANAGER),
    NURSE(role -> OrdersClient.NURSE_OH),
    PATIENT(role -> TestUser.PATIENT_1001),
    EMPLOYEE(role -> TestUser.EMP_12345),
    QUALITY(role -> TestUser.QA_JUNG),
    OPERATOR(role -> TestUser.OP_HAN);

    private final Function<JobRole, TestUser> user;

    Caller(Function<JobRole, TestUser> user) {
      this.user = user;
    }
  }

  /** Expected status per action for the callers listed; every caller not listed gets 403. */
  private static final Map<OrderAction, Map<Caller, Integer>> ALLOWED = Map.of(
      OrderAction.ACCEPT, Map.of(Caller.OWN_ROLE_WORKER_WHO_ACCEPTED, 200, Caller.OWN_ROLE_OTHER_WORKER, 200,
          Caller.OTHER_ROLE_WORKER, 404, Caller.ADMIN, 200, Caller.SYSTEM_MANAGER, 200),
      OrderAction.START, Map.of(Caller.OWN_ROLE_WORKER_WHO_ACCEPTED, 200, Caller.OTHER_ROLE_WORKER, 404,
          Caller.ADMIN, 200, Caller.SYSTEM_MANAGER, 200),
      OrderAction.COMPLETE, Map.of(Caller.OWN_ROLE_WORKER_WHO_ACCEPTED, 200, Caller.OTHER_ROLE_WORKER, 404,
          Caller.ADMIN, 200, Caller.SYSTEM_MANAGER, 200),
      OrderAction.CANCEL, Map.of(Caller.OWN_DOCTOR, 200, Caller.OTHER_DOCTOR, 404, Caller.ADMIN, 200,
          Caller.SYSTEM_MANAGER, 200));

  /** Reading one order: who sees it; everyone else is told it does not exist. */
  private static final Map<Caller, Integer> READ = Map.of(Caller.OWN_DOCTOR, 200,
      Caller.OWN_ROLE_WORKER_WHO_ACCEPTED, 200, Caller.OWN_ROLE_OTHER_WORKER, 200, Caller.ADMIN, 200,
      Caller.SYSTEM_MANAGER, 200);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static Stream<Arguments> actions() {
    List<Arguments> cases = new ArrayList<>();
    for (OrderAction action : OrderAction.values()) {
      for (JobRole role : JobRole.values()) {
        for (Caller caller : Caller.values()) {
          cases.add(Arguments.of(action, role, caller, ALLOWED.get(action).getOrDefault(caller, 403)));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} a {1} order as {2} → {3}")
  @MethodSource("actions")
  void action(OrderAction action, JobRole role, Caller caller, int expected) throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);
    TestUser worker = Caller.OWN_ROLE_WORKER_WHO_ACCEPTED.user.apply(role);
    OrderStatus from = switch (action) {
      case ACCEPT, CANCEL -> OrderStatus.REQUESTED;
      case START -> OrderStatus.ACCEPTED;
      case COMPLETE -> OrderStatus.IN_PROGRESS;
    };
    String id = api.orderIn(from, TestUser.DR_KIM, role, worker);
    String before = api.stored(id);
    long events = api.outboxEvents(id);

    HttpResponse<String> response = api.act(id, action, caller.user.apply(role));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected == 200) {
      assertThat(api.stored(id)).isNotEqualTo(before);
      assertThat(api.outboxEvents(id)).isEqualTo(events + 1);
    } else {
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(api.stored(id)).isEqualTo(before);
      assertThat(api.outboxEvents(id)).isEqualTo(events);
    }
  }

  static Stream<Arguments> reads() {
    return Stream.of(JobRole.values()).flatMap(role -> Stream.of(Caller.values())
        .map(caller -> Arguments.of(role, caller, READ.getOrDefault(caller, 404))));
  }

  @ParameterizedTest(name = "read a {0} order as {1} → {2}")
  @MethodSource("reads")
  void read(JobRole role, Caller caller, int expected) throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, role,
        Caller.OWN_ROLE_WORKER_WHO_ACCEPTED.user.apply(role));

    assertThat(api.get("/api/ocs/orders/" + id, caller.user.apply(role)).statusCode()).isEqualTo(expected);
  }

  static Stream<Arguments> creates() {
    List<Caller> ordering = List.of(Caller.OWN_DOCTOR, Caller.OTHER_DOCTOR, Caller.ADMIN, Caller.SYSTEM_MANAGER);
    return Stream.of(Caller.values()).map(caller -> Arguments.of(caller, ordering.contains(caller) ? 201 : 403));
  }

  @ParameterizedTest(name = "create as {0} → {1}")
  @MethodSource("creates")
  void create(Caller caller, int expected) throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);
    String patient = "P-CREATE-" + caller.ordinal();
    long before = count(patient);

    HttpResponse<String> response = api.post("/api/ocs/orders", OrdersClient.body(patient, JobRole.RIS,
        OrderPriority.ROUTINE), caller.user.apply(JobRole.RIS), null);

    assertThat(response.statusCode()).isEqualTo(expected);
    assertThat(count(patient)).isEqualTo(expected == 201 ? before + 1 : before);
  }

  static Stream<Arguments> worklists() {
    List<Caller> listing = List.of(Caller.OWN_DOCTOR, Caller.OTHER_DOCTOR, Caller.OWN_ROLE_WORKER_WHO_ACCEPTED,
        Caller.OWN_ROLE_OTHER_WORKER, Caller.OTHER_ROLE_WORKER, Caller.ADMIN, Caller.SYSTEM_MANAGER);
    return Stream.of(Caller.values()).map(caller -> Arguments.of(caller, listing.contains(caller) ? 200 : 403));
  }

  @ParameterizedTest(name = "list as {0} → {1}")
  @MethodSource("worklists")
  void list(Caller caller, int expected) throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);

    assertThat(api.get("/api/ocs/orders", caller.user.apply(JobRole.RIS)).statusCode()).isEqualTo(expected);
  }

  private long count(String patientId) {
    return jdbc.sql("select count(*) from ocs_order where patient_id = ?").param(patientId).query(Long.class)
        .single();
  }
}
