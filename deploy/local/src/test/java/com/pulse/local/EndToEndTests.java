package com.pulse.local;

import static com.pulse.local.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The whole event path on the real local stack, every service its own process, everything through the gateway:
 * token → socket → POST → event over the socket → GET shows what the event announced. The client never waits a
 * fixed time: it reacts to what arrives.
 */
@ExtendWith(RunningStack.class)
class EndToEndTests {

  static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ORDER =
      "{\"patientId\":\"P-1001\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\",\"priority\":\"STAT\"}";

  private final StackClient stack = RunningStack.client();

  @Test
  void anOrderPostedThroughTheGatewayArrivesOverTheSocketAndIsReadableOnArrival() throws Exception {
    try (SocketClient socket = stack.socket("admin")) {
      assertThat(socket.next(f -> isType(f, "connected"), WAIT)).isNotNull();

      String id = stack.postAs("dr.kim", "/api/ocs/orders", ORDER, 201).path("id").asString();

      JsonNode frame = socket.next(f -> isEventFor(f, id), WAIT);
      assertThat(frame).as("event for order " + id).isNotNull();
      HttpResponse<String> read = stack.get("/api/ocs/orders/" + id, stack.token("admin"));

      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).path("status").asString()).isEqualTo("REQUESTED");
      assertThat(frame.path("channels").valueStream().map(JsonNode::asString)).contains("ocs:all");
      JsonNode event = frame.path("event");
      assertThat(event.path("type").asString()).isEqualTo("ocs.order.created");
      assertThat(event.path("specversion").asString()).isEqualTo("1.0");
      assertThat(event.path("data").path("orderId").asString()).isEqualTo(id);
      assertThat(event.path("data").path("doctorId").asString()).isEqualTo("dr.kim");
    }
  }

  @Test
  void aDoctorIsToldAboutTheirOwnOrdersOnly() throws Exception {
    try (SocketClient kim = stack.socket("dr.kim"); SocketClient lee = stack.socket("dr.lee")) {
      kim.next(f -> isType(f, "connected"), WAIT);
      lee.next(f -> isType(f, "connected"), WAIT);

      String kims = stack.postAs("dr.kim", "/api/ocs/orders", ORDER, 201).path("id").asString();
      assertThat(kim.next(f -> isEventFor(f, kims), WAIT)).isNotNull();
      // Dispatched to Kim already, so a copy for Lee would be queued ahead of anything Lee gets from now on.
      String lees = stack.postAs("dr.lee", "/api/ocs/orders", ORDER, 201).path("id").asString();

      JsonNode first = lee.next(f -> isType(f, "event"), WAIT);
      assertThat(first.path("event").path("subject").asString()).isEqualTo(lees);
    }
  }

  @Test
  void aRejectedCommandReachesNobody() throws Exception {
    try (SocketClient socket = stack.socket("admin")) {
      socket.next(f -> isType(f, "connected"), WAIT);

      HttpResponse<String> rejected = stack.post("/api/ocs/orders",
          "{\"patientId\":\"P-1\",\"jobRole\":\"XRAY\",\"orderCode\":\"CT\"}", stack.token("dr.kim"));
      assertThat(rejected.statusCode()).isEqualTo(400);
      assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      String marker = stack.postAs("dr.kim", "/api/ocs/orders", ORDER, 201).path("id").asString();

      JsonNode first = socket.next(f -> isType(f, "event"), WAIT);
      assertThat(first.path("event").path("subject").asString()).isEqualTo(marker);
    }
  }

  @Test
  void theGatewayRefusesRequestsAndSocketsWithoutAValidToken() {
    assertThat(stack.post("/api/ocs/orders", ORDER, null).statusCode()).isEqualTo(401);
    assertThat(stack.post("/auth/token", "{\"username\":\"dr.kim\",\"password\":\"wrong\"}", null).statusCode())
        .isEqualTo(401);
    assertThatThrownBy(() -> SocketClient.connect(stack.gatewayUrl(), "not-a-token"))
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void demoDataFillsEveryStatusOnceAndNeverTwice() {
    assertThat(RunningStack.demoOrders()).isEqualTo(10);
    JsonNode worklist = JSON.readTree(stack.get("/api/ocs/orders?size=100", stack.token("admin")).body());
    assertThat(worklist.path("items").valueStream().map(o -> o.path("status").asString()).distinct())
        .containsExactlyInAnyOrder("REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CANCELLED");

    assertThat(new DemoOrders(stack.gatewayUrl()).seedIfEmpty()).isZero();
  }

  static boolean isType(JsonNode frame, String type) {
    return frame.path("type").asString().equals(type);
  }

  static boolean isEventFor(JsonNode frame, String orderId) {
    return isType(frame, "event") && frame.path("event").path("subject").asString().equals(orderId);
  }
}
