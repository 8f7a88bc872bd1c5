package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static com.pulse.ocs.order.OrdersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
import com.pulse.events.EventSchemas;
import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import io.cloudevents.CloudEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle REQUESTED → ACCEPTED → IN_PROGRESS → COMPLETED (or CANCELLED), one event per step on
 * {@code ocs.orders.v1}, each readable back as soon as it is received.
 */
@PulseIntegrationTest
class OrderLifecycleTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private OrdersClient api;
  private TopicReader events;
  private final EventSchemas schemas = new EventSchemas();

  @BeforeEach
  void open() {
    api = new OrdersClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.OCS_ORDERS);
  }

  @AfterEach
  void close() {
    events.close();
  }

  @Test
  void eachStepIsRecordedAnnouncedOnceAndReadableWhenTheEventArrives() throws Exception {
    String id = api.create(TestUser.DR_KIM, "P-2001", JobRole.RIS, OrderPriority.URGENT);
    CloudEvent created = nextEvent(id, 1);
    assertReadable(id, created);

    HttpResponse<String> accepted = api.act(id, OrderAction.ACCEPT, TestUser.RIS_PARK);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("ETag")).hasValue("\"2\"");
    JsonNode order = json(accepted);
    assertThat(order.path("status").asString()).isEqualTo("ACCEPTED");
    assertThat(order.path("workerId").asString()).isEqualTo("ris.park");
    assertThat(order.path("acceptedAt").isNull()).isFalse();
    assertThat(order.path("version").asLong()).isEqualTo(2);
    assertReadable(id, nextEvent(id, 2));
    // the seed's bug: an accepted order must leave the unassigned worklist at once
    assertThat(ids(api.get("/api/ocs/orders?patientId=P-2001&assigned=false&size=100", TestUser.RIS_PARK)))
        .doesNotContain(id);

    JsonNode started = api.done(id, OrderAction.START, TestUser.RIS_PARK);
    assertThat(started.path("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(started.path("startedAt").isNull()).isFalse();
    assertReadable(id, nextEvent(id, 3));

    HttpResponse<String> completed = api.post("/api/ocs/orders/" + id + "/complete",
        "{\"result\":\"No acute intracranial haemorrhage.\"}", TestUser.RIS_PARK, "\"3\"");
    assertThat(completed.statusCode()).isEqualTo(200);
    assertThat(json(completed).path("status").asString()).isEqualTo("COMPLETED");
    assertThat(json(completed).path("result").asString()).isEqualTo("No acute intracranial haemorrhage.");
    CloudEvent last = nextEvent(id, 4);
    assertReadable(id, last);

    List<CloudEvent> all = events.await(4, r -> r.key().equals(id), WAIT).stream()
        .map(r -> PulseEvents.deserialize(r.value())).toList();
    assertThat(all).extracting(CloudEvent::getType).containsExactly("ocs.order.created", "ocs.order.accepted",
        "ocs.order.started", "ocs.order.completed");
    assertThat(all).extracting(PulseEvents::sequenceOf).containsExactly(1L, 2L, 3L, 4L);
    assertThat(all).extracting(CloudEvent::getSubject).containsOnly(id);
    for (CloudEvent event : all) {
      JsonNode data = data(event);
      assertThat(data.path("version").asLong()).as(event.getType()).isEqualTo(PulseEvents.sequenceOf(event));
      // live delivery routes by these two fields: every event must carry them
      assertThat(data.path("doctorId").asString()).isEqualTo("dr.kim");
      assertThat(data.path("jobRole").asString()).isEqualTo("RIS");
      assertThat(data.path("orderId").asString()).isEqualTo(id);
    }
    assertThat(data(all.get(3)).path("workerId").asString()).isEqualTo("ris.park");
    assertThat(data(all.get(3)).path("result").asString()).isEqualTo("No acute intracranial haemorrhage.");
  }

  @Test
  void theDoctorCancelsARequestedOrderWithAReason() throws Exception {
    String id = api.create(TestUser.DR_LEE, "P-2002", JobRole.LIS, OrderPriority.ROUTINE);

    HttpResponse<String> cancelled = api.post("/api/ocs/orders/" + id + "/cancel",
        "{\"reason\":\"Ordered twice.\"}", TestUser.DR_LEE, null);

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
    assertThat(json(cancelled).path("cancelReason").asString()).isEqualTo("Ordered twice.");
    assertThat(json(cancelled).path("cancelledAt").isNull()).isFalse();
    CloudEvent event = nextEvent(id, 2);
    assertThat(event.getType()).isEqualTo("ocs.order.cancelled");
    assertThat(data(event).path("workerId").isNull()).isTrue();
    assertThat(data(event).path("cancelReason").asString()).isEqualTo("Ordered twice.");
  }

  @Test
  void anAcceptedOrderCanStillBeCancelledAndKeepsWhoHadAcceptedIt() throws Exception {
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.LIS, TestUser.LIS_CHOI);

    JsonNode cancelled = api.done(id, OrderAction.CANCEL, TestUser.SYSTEM_MANAGER);

    assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.path("workerId").asString()).isEqualTo("lis.choi");
    CloudEvent event = nextEvent(id, 3);
    assertThat(event.getType()).isEqualTo("ocs.order.cancelled");
    assertThat(data(event).path("version").asLong()).isEqualTo(3);
  }

  @Test
  void administratorsMayPerformAnOrderThemselvesOrForTheWorkerWhoAcceptedIt() throws Exception {
    String own = api.create(TestUser.DR_KIM, "P-2003", JobRole.RIS, OrderPriority.STAT);
    assertThat(api.done(own, OrderAction.ACCEPT, TestUser.ADMIN).path("workerId").asString()).isEqualTo("admin");

    String workers = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);
    api.done(workers, OrderAction.START, TestUser.ADMIN);
    JsonNode completed = api.done(workers, OrderAction.COMPLETE, TestUser.SYSTEM_MANAGER);

    assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.path("workerId").asString()).as("the worker stays the one who accepted")
        .isEqualTo("ris.park");
  }

  @Test
  void aStaleIfMatchIs412AndChangesNothing() throws Exception {
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);
    nextEvent(id, 2);
    String before = api.stored(id);

    for (String stale : List.of("\"1\"", "\"1\", \"3\"", "W/\"2\"")) {
      HttpResponse<String> response = api.act(id, OrderAction.START, TestUser.RIS_PARK, stale);

      assertThat(response.statusCode()).as(stale).isEqualTo(412);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
      JsonNode problem = json(response);
      assertThat(problem.path("version").asLong()).isEqualTo(2);
      assertThat(problem.path("status").asInt()).isEqualTo(412);
      assertThat(problem.path("currentStatus").asString()).isEqualTo("ACCEPTED");
      assertThat(problem.path("detail").asString()).contains(stale);
    }
    assertThat(api.stored(id)).isEqualTo(before);
    assertThat(api.outboxEvents(id)).isEqualTo(2);

    assertThat(api.act(id, OrderAction.START, TestUser.RIS_PARK, "\"1\", \"2\"").statusCode()).isEqualTo(200);
    assertThat(api.act(id, OrderAction.COMPLETE, TestUser.RIS_PARK, "*").statusCode()).isEqualTo(200);
    assertThat(events.await(4, r -> r.key().equals(id), WAIT)).hasSize(4);
  }

  @Test
  void aMalformedIfMatchIs400NamingTheHeader() throws Exception {
    String id = api.create(TestUser.DR_KIM, "P-2004", JobRole.RIS, OrderPriority.ROUTINE);

    HttpResponse<String> response = api.act(id, OrderAction.ACCEPT, TestUser.RIS_PARK, "version-1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("If-Match");
    assertThat(api.stored(id)).isEqualTo("REQUESTED/-/1");
    assertThat(api.outboxEvents(id)).isEqualTo(1);
  }

  /** The next event of the order, which must be the {@code sequence}th, and meet its schema. */
  private CloudEvent nextEvent(String id, int sequence) {
    List<ConsumerRecord<String, byte[]>> records = events.await(sequence, r -> r.key().equals(id), WAIT);
    assertThat(records).as("events of " + id).hasSize(sequence);
    ConsumerRecord<String, byte[]> record = records.get(sequence - 1);
    assertThat(schemas.violations(record.value())).isEmpty();
    CloudEvent event = PulseEvents.deserialize(record.value());
    assertThat(PulseEvents.sequenceOf(event)).isEqualTo(sequence);
    assertThat(new String(record.headers().lastHeader(EventHeaders.TYPE).value(), StandardCharsets.UTF_8))
        .isEqualTo(event.getType());
    return event;
  }

  /** Read-after-notify: when the event is received, the API already shows the state it announces. */
  private void assertReadable(String id, CloudEvent event) throws Exception {
    HttpResponse<String> read = api.get("/api/ocs/orders/" + id, TestUser.ADMIN);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode order = json(read);
    JsonNode data = data(event);
    assertThat(order.path("version").asLong()).isEqualTo(data.path("version").asLong());
    assertThat(order.path("status").asString()).isEqualTo(data.path("status").asString());
  }

  private static JsonNode data(CloudEvent event) {
    return OrdersClient.JSON.readTree(event.getData().toBytes());
  }

  private static List<String> ids(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return json(page).path("items").valueStream().map(o -> o.path("id").asString()).toList();
  }
}
