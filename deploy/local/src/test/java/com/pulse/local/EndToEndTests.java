package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole event path on the real local stack, every service its own process, everything through the gateway:
 * token → socket → POST → event over the socket → GET shows what the event announced. The client never waits a
 * fixed time: it reacts to what arrives.
 */
class EndToEndTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ORDER =
      "{\"patientId\":\"P-1001\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\",\"priority\":\"STAT\"}";

  @TempDir static Path data;
  private static LocalStack stack;

  private static int demoOrders;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start(new LocalStackOptions(PulseLocal.repositoryRoot(), data, false,
        LocalStackOptions.Ports.free()));
    // before any socket opens, so no test sees the demo's events
    demoOrders = new DemoOrders(stack.gatewayUrl()).seedIfEmpty();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anOrderPostedThroughTheGatewayArrivesOverTheSocketAndIsReadableOnArrival() throws Exception {
    String admin = token("admin");
    try (SocketClient socket = SocketClient.connect(stack.gatewayUrl(), admin)) {
      assertThat(socket.next(f -> f.path("type").asString().equals("connected"), WAIT)).isNotNull();

      HttpResponse<String> created = post("/api/ocs/orders", ORDER, token("dr.kim"));
      assertThat(created.statusCode()).isEqualTo(201);
      String id = JSON.readTree(created.body()).path("id").asString();

      JsonNode frame = socket.next(f -> isEventFor(f, id), WAIT);
      assertThat(frame).as("event for order " + id).isNotNull();
      HttpResponse<String> read = get("/api/ocs/orders/" + id, admin);

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
    try (SocketClient kim = SocketClient.connect(stack.gatewayUrl(), token("dr.kim"));
        SocketClient lee = SocketClient.connect(stack.gatewayUrl(), token("dr.lee"))) {
      kim.next(f -> f.path("type").asString().equals("connected"), WAIT);
      lee.next(f -> f.path("type").asString().equals("connected"), WAIT);

      String kims = JSON.readTree(post("/api/ocs/orders", ORDER, token("dr.kim")).body()).path("id").asString();
      assertThat(kim.next(f -> isEventFor(f, kims), WAIT)).isNotNull();
      // Dispatched to Kim already, so a copy for Lee would be queued ahead of anything Lee gets from now on.
      String lees = JSON.readTree(post("/api/ocs/orders", ORDER, token("dr.lee")).body()).path("id").asString();

      JsonNode first = lee.next(f -> f.path("type").asString().equals("event"), WAIT);
      assertThat(first.path("event").path("subject").asString()).isEqualTo(lees);
    }
  }

  @Test
  void aRejectedCommandReachesNobody() throws Exception {
    try (SocketClient socket = SocketClient.connect(stack.gatewayUrl(), token("admin"))) {
      socket.next(f -> f.path("type").asString().equals("connected"), WAIT);

      HttpResponse<String> rejected = post("/api/ocs/orders",
          "{\"patientId\":\"P-1\",\"jobRole\":\"XRAY\",\"orderCode\":\"CT\"}", token("dr.kim"));
      assertThat(rejected.statusCode()).isEqualTo(400);
      assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      String marker = JSON.readTree(post("/api/ocs/orders", ORDER, token("dr.kim")).body()).path("id").asString();

      JsonNode first = socket.next(f -> f.path("type").asString().equals("event"), WAIT);
      assertThat(first.path("event").path("subject").asString()).isEqualTo(marker);
    }
  }

  @Test
  void theGatewayRefusesRequestsAndSocketsWithoutAValidToken() throws Exception {
    assertThat(post("/api/ocs/orders", ORDER, null).statusCode()).isEqualTo(401);
    assertThat(post("/auth/token", "{\"username\":\"dr.kim\",\"password\":\"wrong\"}", null).statusCode())
        .isEqualTo(401);
    assertThatThrownBy(() -> SocketClient.connect(stack.gatewayUrl(), "not-a-token"))
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void demoDataFillsEveryStatusOnceAndNeverTwice() throws Exception {
    assertThat(demoOrders).isEqualTo(10);
    JsonNode worklist = JSON.readTree(get("/api/ocs/orders?size=100", token("admin")).body());
    assertThat(worklist.path("items").valueStream().map(o -> o.path("status").asString()).distinct())
        .containsExactlyInAnyOrder("REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CANCELLED");

    assertThat(new DemoOrders(stack.gatewayUrl()).seedIfEmpty()).isZero();
  }

  private static boolean isEventFor(JsonNode frame, String orderId) {
    return frame.path("type").asString().equals("event")
        && frame.path("event").path("subject").asString().equals(orderId);
  }

  private static String token(String user) throws Exception {
    HttpResponse<String> response =
        post("/auth/token", "{\"username\":\"" + user + "\",\"password\":\"pulse\"}", null);
    assertThat(response.statusCode()).as("token for " + user).isEqualTo(200);
    return JSON.readTree(response.body()).path("access_token").asString();
  }

  private static HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
        .header("Authorization", "Bearer " + token).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
