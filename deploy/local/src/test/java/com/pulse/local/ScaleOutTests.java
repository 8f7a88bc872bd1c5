package com.pulse.local;

import static com.pulse.local.EndToEndTests.WAIT;
import static com.pulse.local.EndToEndTests.isType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two notification-service instances behind the gateway: a client that leaves one and comes back on the other with
 * its position gets what it missed there, once each, and is told the gap was filled.
 */
@ExtendWith(RunningStack.class)
class ScaleOutTests {

  private static final String ORDER = "{\"patientId\":\"P-3001\",\"jobRole\":\"LIS\",\"orderCode\":\"CBC\"}";

  private final StackClient stack = RunningStack.client();

  @Test
  void aClientMovedToTheOtherInstanceRecoversItsGapExactlyOnce() throws Exception {
    List<String> instances = RunningStack.notificationInstances();
    assertThat(instances).hasSize(2);
    String token = stack.token("lis.choi");

    String position;
    try (SocketClient first = SocketClient.open(instances.get(0), token, null)) {
      JsonNode connected = first.next(f -> isType(f, "connected"), WAIT);
      assertThat(connected.path("channels").valueStream().map(JsonNode::asString)).contains("ocs:job:LIS");
      position = connected.path("position").asString();
    }
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      missed.add(stack.postAs("dr.lee", "/api/ocs/orders", ORDER, 201).path("id").asString());
    }
    // once the second instance has delivered the last of them live, it holds them all (one broker, one fetch)
    try (SocketClient pacer = SocketClient.open(instances.get(1), stack.token("admin"), null)) {
      pacer.next(f -> isType(f, "connected"), WAIT);
      String last = missed.getLast();
      assertThat(stack.postAs("dr.lee", "/api/ocs/orders/" + last + "/cancel", "{\"reason\":\"pace\"}", 200))
          .isNotNull();
      assertThat(pacer.next(f -> isType(f, "event")
          && f.path("event").path("type").asString().equals("ocs.order.cancelled"), WAIT)).isNotNull();
    }

    try (SocketClient second = SocketClient.open(instances.get(1), token, position)) {
      List<String> received = new ArrayList<>();
      JsonNode frame;
      do {
        frame = second.next(f -> isType(f, "event") || isType(f, "subscribed") && isJobChannel(f), WAIT);
        assertThat(frame).as("frames after reconnecting with since").isNotNull();
        if (isType(frame, "event")) {
          received.add(frame.path("event").path("type").asString() + " " + frame.path("event").path("subject")
              .asString());
        }
      } while (!isType(frame, "subscribed"));

      assertThat(frame.path("recovered").asBoolean()).isTrue();
      List<String> expected = new ArrayList<>(missed.stream().map(id -> "ocs.order.created " + id).toList());
      expected.add("ocs.order.cancelled " + missed.getLast());
      // each once; one order's events in their order (orders on different partitions may interleave)
      assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(received.indexOf("ocs.order.created " + missed.getLast()))
          .isLessThan(received.indexOf("ocs.order.cancelled " + missed.getLast()));
    }
  }

  private static boolean isJobChannel(JsonNode frame) {
    return Set.of("ocs:job:LIS").contains(frame.path("channel").asString());
  }
}
