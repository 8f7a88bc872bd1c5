package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.OrderEvents.Sent;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Real order events on the real broker, real sockets of the demo users: each connection gets exactly the orders its
 * role may see, each once, as the exact bytes Kafka holds, with the position Kafka gave them.
 */
@PulseIntegrationTest
class OrderDeliveryIntegrationTests {

  /** Wears every hat at once: admin, the creating doctor and a RIS worker. */
  private static final TestUser CHIEF =
      new TestUser("dr.kim", "Dr. Kim (chief)", List.of("DOCTOR", "ADMIN", "RIS"), "RIS", null, null);

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  private final Map<String, SocketClient> clients = new LinkedHashMap<>();

  @AfterEach
  void disconnect() {
    clients.values().forEach(SocketClient::close);
  }

  @Test
  void eachConnectionGetsTheOrdersItsRoleMaySeeExactlyOnceAsKafkaHoldsThem() throws Exception {
    for (TestUser user : TestUser.DEMO_USERS) {
      clients.put(user.id(), SocketClient.connected(port, user.token()));
    }
    clients.put("chief", SocketClient.connected(port, TestTokens.shared().issue(CHIEF)));
    double deliveredBefore = meters.get("pulse.notification.frames.delivered").counter().count();

    Map<String, Sent> sent = new LinkedHashMap<>();
    try (OrderEvents kafka = new OrderEvents()) {
      for (Sent order : List.of(kafka.publish("dr.kim", "RIS"), kafka.publish("dr.kim", "LIS"),
          kafka.publish("dr.lee", "RIS"), kafka.publish("dr.lee", "LIS"))) {
        sent.put(order.orderId(), order);
      }
      awaitFullyDispatched(kafka, sent.keySet());
    }
    Sent kimRis = byDoctorAndJob(sent, "dr.kim", "RIS");
    Sent kimLis = byDoctorAndJob(sent, "dr.kim", "LIS");
    Sent leeRis = byDoctorAndJob(sent, "dr.lee", "RIS");
    Sent leeLis = byDoctorAndJob(sent, "dr.lee", "LIS");
    List<String> all = List.of("ocs:all");

    assertReceived("admin", sent, Map.of(kimRis, all, kimLis, all, leeRis, all, leeLis, all));
    assertReceived("sysmgr", sent, Map.of(kimRis, all, kimLis, all, leeRis, all, leeLis, all));
    assertReceived("dr.kim", sent,
        Map.of(kimRis, List.of("ocs:doctor:dr.kim"), kimLis, List.of("ocs:doctor:dr.kim")));
    assertReceived("dr.lee", sent,
        Map.of(leeRis, List.of("ocs:doctor:dr.lee"), leeLis, List.of("ocs:doctor:dr.lee")));
    assertReceived("ris.park", sent, Map.of(kimRis, List.of("ocs:job:RIS"), leeRis, List.of("ocs:job:RIS")));
    assertReceived("lis.choi", sent, Map.of(kimLis, List.of("ocs:job:LIS"), leeLis, List.of("ocs:job:LIS")));
    for (String nobody : List.of("qa.jung", "op.han", "patient.1001", "emp.12345")) {
      assertReceived(nobody, sent, Map.of());
    }
    // one frame per event, listing every channel of the connection that the event matched
    assertReceived("chief", sent, Map.of(
        kimRis, List.of("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS"),
        kimLis, List.of("ocs:all", "ocs:doctor:dr.kim"),
        leeRis, List.of("ocs:all", "ocs:job:RIS"),
        leeLis, all));
    assertThat(meters.get("pulse.notification.frames.delivered").counter().count() - deliveredBefore)
        .isGreaterThanOrEqualTo(4 + 4 + 2 + 2 + 2 + 2 + 4);
    assertThat(meters.get("pulse.notification.delivery.lag").timer().count()).isPositive();
  }

  @Test
  void theEventsOfOneOrderArriveInTheOrderTheyWerePublished() throws Exception {
    SocketClient admin = SocketClient.connected(port, TestUser.ADMIN.token());
    clients.put("admin", admin);
    String orderId = UUID.randomUUID().toString();
    List<Sent> sent = new ArrayList<>();
    try (OrderEvents kafka = new OrderEvents()) {
      for (long sequence = 1; sequence <= 5; sequence++) {
        sent.add(kafka.publish(orderId, sequence, "dr.kim", "RIS", "step " + sequence));
      }
    }

    List<JsonNode> frames = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      frames.add(admin.next(frame -> subject(frame).equals(orderId)));
    }

    assertThat(frames).extracting(frame -> frame.path("event").path("sequence").asString())
        .containsExactly("0000000000000000001", "0000000000000000002", "0000000000000000003",
            "0000000000000000004", "0000000000000000005");
    assertThat(frames).extracting(frame -> frame.path("event").path("id").asString())
        .containsExactlyElementsOf(sent.stream().map(Sent::eventId).toList());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(sent.get(i).isJustAfterIn(frames.get(i).path("position").asString()))
          .as("frame %d's position resumes right after its event", i).isTrue();
    }
  }

  /**
   * Waits until the admin has every test event, then publishes a fence and waits for that too: the intake handles
   * records one at a time, so once the fence reached anyone, every test event was handed to every connection. Then
   * each client syncs (ping → pong), so whatever was queued for it is in its list.
   */
  private void awaitFullyDispatched(OrderEvents kafka, Set<String> orderIds) throws Exception {
    SocketClient admin = clients.get("admin");
    Set<String> seen = new java.util.HashSet<>();
    while (!seen.containsAll(orderIds)) {
      seen.add(subject(admin.next(frame -> orderIds.contains(subject(frame)))));
    }
    String fence = kafka.publish("dr.fence", "LIS").orderId();
    admin.next(frame -> subject(frame).equals(fence));
    for (SocketClient client : clients.values()) {
      client.sync();
    }
  }

  private void assertReceived(String client, Map<String, Sent> sent, Map<Sent, List<String>> expected) {
    List<JsonNode> events = clients.get(client).received().stream()
        .map(SocketClient.JSON::readTree)
        .filter(frame -> frame.path("type").asString().equals("event") && sent.containsKey(subject(frame)))
        .toList();
    assertThat(events.stream().map(OrderDeliveryIntegrationTests::subject))
        .as("orders %s received, each once", client)
        .containsExactlyInAnyOrderElementsOf(expected.keySet().stream().map(Sent::orderId).toList());
    for (String raw : clients.get(client).received()) {
      JsonNode frame = SocketClient.JSON.readTree(raw);
      Sent order = sent.get(subject(frame));
      if (order == null || !frame.path("type").asString().equals("event")) {
        continue;
      }
      assertThat(frame.path("channels").valueStream().map(JsonNode::asString).toList())
          .as("channels of %s for %s", order.orderId(), client).isEqualTo(expected.get(order));
      assertThat(order.isJustAfterIn(frame.path("position").asString()))
          .as("the position after %s: a whole resume point", order.position()).isTrue();
      assertThat(raw).as("the event exactly as Kafka holds it").endsWith(",\"event\":" + order.json() + "}");
    }
  }

  private static Sent byDoctorAndJob(Map<String, Sent> sent, String doctorId, String jobRole) {
    return sent.values().stream()
        .filter(order -> order.doctorId().equals(doctorId) && order.jobRole().equals(jobRole))
        .collect(Collectors.collectingAndThen(Collectors.toList(), List::getFirst));
  }

  private static String subject(JsonNode frame) {
    return frame.path("event").path("subject").asString();
  }
}
