package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static com.pulse.ocs.order.OrdersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every action a status does not allow is 409 naming the status and what it allows, and changes nothing: same row,
 * no outbox row, no event on the topic. Performed by an administrator, whom only the status can stop.
 */
@PulseIntegrationTest
class ForbiddenTransitionTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Map<OrderStatus, List<String>> ALLOWED = Map.of(
      OrderStatus.REQUESTED, List.of("accept", "cancel"),
      OrderStatus.ACCEPTED, List.of("start", "cancel"),
      OrderStatus.IN_PROGRESS, List.of("complete"),
      OrderStatus.COMPLETED, List.of(),
      OrderStatus.CANCELLED, List.of());

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private OrdersClient api;
  private TopicReader events;

  @BeforeEach
  void open() {
    api = new OrdersClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.OCS_ORDERS);
  }

  @AfterEach
  void close() {
    events.close();
  }

  static Stream<Arguments> forbidden() {
    return Arrays.stream(OrderStatus.values()).flatMap(status -> Arrays.stream(OrderAction.values())
        .filter(action -> !ALLOWED.get(status).contains(action.path()))
        .map(action -> Arguments.of(status, action)));
  }

  @Test
  void theTableCoversEveryStatusAndAllowsExactlyTheDocumentedActions() {
    for (OrderStatus status : OrderStatus.values()) {
      assertThat(OrderAction.allowedPathsIn(status)).as(status.name()).isEqualTo(ALLOWED.get(status));
    }
    assertThat(forbidden()).hasSize(15);
  }

  @ParameterizedTest(name = "{1} when {0}")
  @MethodSource("forbidden")
  void isAConflictNamingTheStatusAndTheActionsAllowedNow(OrderStatus status, OrderAction action) throws Exception {
    String id = api.orderIn(status, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);
    long published = api.outboxEvents(id);
    assertThat(events.await((int) published, r -> r.key().equals(id), WAIT)).hasSize((int) published);
    String before = api.stored(id);

    HttpResponse<String> response = api.act(id, action, TestUser.ADMIN);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).as("the HTTP status, not shadowed").isEqualTo(409);
    assertThat(problem.path("currentStatus").asString()).isEqualTo(status.name());
    assertThat(problem.path("allowedActions").valueStream().map(JsonNode::asString).toList())
        .isEqualTo(ALLOWED.get(status));
    assertThat(problem.path("action").asString()).isEqualTo(action.path());
    assertThat(problem.path("detail").asString()).contains(status.name());
    ALLOWED.get(status).forEach(allowed -> assertThat(problem.path("detail").asString()).contains(allowed));

    assertThat(api.stored(id)).isEqualTo(before);
    assertThat(api.outboxEvents(id)).isEqualTo(published);
    assertNoFurtherEvent(id, published);
  }

  @Test
  void aSecondWorkerAcceptingIsToldWhoHoldsTheOrder() throws Exception {
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);
    String before = api.stored(id);

    HttpResponse<String> response = api.act(id, OrderAction.ACCEPT, OrdersClient.RIS_KANG);

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode problem = json(response);
    assertThat(problem.path("workerId").asString()).isEqualTo("ris.park");
    assertThat(problem.path("detail").asString()).contains("already accepted by ris.park");
    assertThat(api.stored(id)).isEqualTo(before);
    assertNoFurtherEvent(id, 2);
  }

  @Test
  void onlyTheWorkerWhoAcceptedStartsAndCompletes() throws Exception {
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);

    HttpResponse<String> start = api.act(id, OrderAction.START, OrdersClient.RIS_KANG);
    assertThat(start.statusCode()).isEqualTo(403);
    assertThat(json(start).path("detail").asString()).contains("accepted by ris.park");

    api.done(id, OrderAction.START, TestUser.RIS_PARK);
    assertThat(api.act(id, OrderAction.COMPLETE, OrdersClient.RIS_KANG).statusCode()).isEqualTo(403);
    assertThat(api.stored(id)).isEqualTo("IN_PROGRESS/ris.park/3");
    assertNoFurtherEvent(id, 3);
  }

  /**
   * Nothing more than {@code count} events of the order reached the topic: a later order's event is on the topic
   * (the relay publishes in commit order), and nothing else for this order arrives in a short quiet period.
   */
  private void assertNoFurtherEvent(String id, long count) throws Exception {
    String marker = api.create(TestUser.DR_KIM, "P-MARKER", JobRole.LIS, OrderPriority.ROUTINE);
    assertThat(events.await(1, r -> r.key().equals(marker), WAIT)).hasSize(1);
    assertThat(events.drain(r -> r.key().equals(id), Duration.ofMillis(300))).hasSize((int) count);
  }
}
