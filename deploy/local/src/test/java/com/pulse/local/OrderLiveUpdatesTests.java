package com.pulse.local;

import static com.pulse.local.EndToEndTests.WAIT;
import static com.pulse.local.EndToEndTests.isEventFor;
import static com.pulse.local.EndToEndTests.isType;
import static com.pulse.local.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Seed 000's promise, checked through the gateway for every demo user at once: everyone concerned by an order is
 * told about each of its transitions, exactly once, and nobody else hears a thing; and whoever is told can read the
 * new state at once.
 */
@ExtendWith(RunningStack.class)
class OrderLiveUpdatesTests {

  private static final List<String> USERS = List.of("admin", "sysmgr", "dr.kim", "dr.lee", "ris.park", "lis.choi",
      "qa.jung", "op.han", "patient.1001", "emp.12345");
  private static final Map<String, String> STATUS_AFTER = Map.of("ocs.order.created", "REQUESTED",
      "ocs.order.accepted", "ACCEPTED", "ocs.order.started", "IN_PROGRESS", "ocs.order.completed", "COMPLETED",
      "ocs.order.cancelled", "CANCELLED");

  private final StackClient stack = RunningStack.client();

  @Test
  void everyTransitionReachesExactlyTheUsersConcernedOnceAndIsReadableOnArrival() throws Exception {
    Map<String, SocketClient> sockets = new LinkedHashMap<>();
    // a second admin connection paces the commands and checks each state; the matrix sockets are only read at the end
    try (SocketClient admin = stack.socket("admin")) {
      for (String user : USERS) {
        sockets.put(user, stack.socket(user));
      }
      assertThat(admin.next(f -> isType(f, "connected"), WAIT)).isNotNull();
      for (SocketClient socket : sockets.values()) {
        assertThat(socket.next(f -> isType(f, "connected"), WAIT)).isNotNull();
      }

      String radiology = create("dr.kim", "RIS", admin);
      act("ris.park", radiology, "accept", "", admin);
      act("ris.park", radiology, "start", "", admin);
      act("ris.park", radiology, "complete", "{\"result\":\"No acute findings.\"}", admin);
      String lab = create("dr.lee", "LIS", admin);
      act("lis.choi", lab, "accept", "", admin);
      act("dr.lee", lab, "cancel", "{\"reason\":\"Ordered twice.\"}", admin);

      List<String> radiologyEvents = List.of("created", "accepted", "started", "completed").stream()
          .map(t -> "ocs.order." + t + " " + radiology).toList();
      List<String> labEvents = List.of("created", "accepted", "cancelled").stream()
          .map(t -> "ocs.order." + t + " " + lab).toList();
      Map<String, List<String>> expected = new LinkedHashMap<>();
      USERS.forEach(user -> expected.put(user, List.of()));
      expected.put("admin", concat(radiologyEvents, labEvents));
      expected.put("sysmgr", concat(radiologyEvents, labEvents));
      expected.put("dr.kim", radiologyEvents);
      expected.put("ris.park", radiologyEvents);
      expected.put("dr.lee", labEvents);
      expected.put("lis.choi", labEvents);

      // Every event above went through the intake before this one, which the admin receives last; a pong queued
      // behind it on each socket then proves nothing sent earlier is still on its way.
      String marker = create("dr.kim", "RIS", admin);
      Map<String, List<String>> received = new LinkedHashMap<>();
      for (Map.Entry<String, SocketClient> socket : sockets.entrySet()) {
        received.put(socket.getKey(), eventsUntilPong(socket.getValue(), marker));
      }
      assertThat(received).isEqualTo(expected);
    } finally {
      sockets.values().forEach(SocketClient::close);
    }
  }

  /** Creates an order and waits until the admin is told, then checks the new state is readable at once. */
  private String create(String doctor, String jobRole, SocketClient admin) throws InterruptedException {
    String id = stack.postAs(doctor, "/api/ocs/orders",
        "{\"patientId\":\"P-2001\",\"jobRole\":\"" + jobRole + "\",\"orderCode\":\"CT-CHEST\"}", 201)
        .path("id").asString();
    readOnArrival(admin, id);
    return id;
  }

  private void act(String user, String id, String action, String body, SocketClient admin)
      throws InterruptedException {
    stack.postAs(user, "/api/ocs/orders/" + id + "/" + action, body, 200);
    readOnArrival(admin, id);
  }

  /** The read-after-notify guarantee: on receipt of an event, a GET already shows what it announced. */
  private void readOnArrival(SocketClient admin, String id) throws InterruptedException {
    JsonNode frame = admin.next(f -> isEventFor(f, id), WAIT);
    assertThat(frame).as("event for " + id).isNotNull();
    JsonNode order = JSON.readTree(stack.get("/api/ocs/orders/" + id, stack.token("admin")).body());
    String type = frame.path("event").path("type").asString();
    assertThat(order.path("status").asString()).as(type).isEqualTo(STATUS_AFTER.get(type));
    assertThat(order.path("version").asLong()).isEqualTo(frame.path("event").path("data").path("version").asLong());
  }

  /** "type subject" of every event frame before the pong answering a ping sent now, the marker's excluded. */
  private static List<String> eventsUntilPong(SocketClient socket, String marker) throws InterruptedException {
    socket.send("{\"type\":\"ping\",\"ref\":\"barrier\"}");
    List<String> events = new ArrayList<>();
    while (true) {
      JsonNode frame = socket.next(f -> isType(f, "event") || isType(f, "pong"), WAIT);
      assertThat(frame).as("pong").isNotNull();
      if (isType(frame, "pong")) {
        return events;
      }
      String subject = frame.path("event").path("subject").asString();
      if (!subject.equals(marker)) {
        events.add(frame.path("event").path("type").asString() + " " + subject);
      }
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
