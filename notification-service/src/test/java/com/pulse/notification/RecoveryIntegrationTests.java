package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.notification.OrderEvents.Sent;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamPosition;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Recovery end to end on the real broker: a client cut off while events flow comes back with its position and gets
 * every missed event exactly once, in order, then live ones; the same on a second instance started afterwards, whose
 * history is rebuilt from Kafka (a restarted service, or the client moved to another instance); and the same over the
 * fallbacks (SSE with Last-Event-ID, REST events-since).
 */
@PulseIntegrationTest
class RecoveryIntegrationTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired Environment environment;

  @Test
  void aClientCutOffRecoversEveryMissedEventOnceInOrderHereAndOnAFreshInstance() throws Exception {
    try (OrderEvents kafka = new OrderEvents()) {
      StreamPosition position;
      try (SocketClient first = SocketClient.connect(port, TestUser.ADMIN.token())) {
        position = StreamPosition.parse(first.next().path("position").asString());
        List<Sent> seen = List.of(kafka.publish("dr.kim", "RIS"), kafka.publish("dr.lee", "LIS"),
            kafka.publish("dr.kim", "LIS"));
        for (Sent sent : seen) {
          JsonNode event = first.next(frame -> subject(frame).equals(sent.orderId()));
          // the client keeps only the last position it saw: each frame's is a whole resume point
          position = StreamPosition.parse(event.path("position").asString());
        }
      }
      List<Sent> missed = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        missed.add(kafka.publish(i % 2 == 0 ? "dr.kim" : "dr.lee", i % 3 == 0 ? "RIS" : "LIS"));
      }

      List<String> expected = new ArrayList<>(missed.stream().map(Sent::position).toList());
      // Recovery replays what this instance has read; under load its intake may still be a poll behind the
      // producer's acknowledgement, and a missed event read after the reconnect would arrive live instead.
      StreamPosition cutOff = position;
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventsSince(port, "ocs:all", cutOff)
          .path("events").valueStream().map(event -> event.path("position").asString()).toList())
          .containsAll(expected));
      List<String> here = replayed(port, position, kafka);
      assertSameEventsInPartitionOrder(here.subList(0, here.size() - 1), expected);
      // the event that arrived live after the recovery was published after the position too
      expected.add(here.getLast());

      // a fresh instance, its history rebuilt from Kafka: the same gap, the same positions
      try (ConfigurableApplicationContext other = secondInstance()) {
        int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
        List<String> there = replayed(otherPort, position, kafka);
        assertSameEventsInPartitionOrder(there.subList(0, there.size() - 1), expected);
        assertThat(eventsSince(otherPort, "ocs:all", position).path("events").valueStream()
            .map(event -> event.path("position").asString()).toList()).containsAll(expected);
      }
    }
  }

  /**
   * A gap longer than the send queue (400 events, queue of 256 in tests) is still recovered whole: the replay is one
   * queue item whose frames are built as the socket takes them, so a client that reads is never mistaken for a slow
   * one (4008) however far behind it came back.
   */
  @Test
  void aGapLongerThanTheSendQueueIsRecoveredWhole() throws Exception {
    try (OrderEvents kafka = new OrderEvents()) {
      StreamPosition position;
      try (SocketClient first = SocketClient.connect(port, TestUser.ADMIN.token())) {
        position = StreamPosition.parse(first.next().path("position").asString());
        Sent seen = kafka.publish("dr.kim", "RIS");
        JsonNode event = first.next(frame -> subject(frame).equals(seen.orderId()));
        position = StreamPosition.parse(event.path("position").asString());
      }
      List<Sent> missed;
      try (SocketClient watcher = SocketClient.connect(port, TestUser.SYSTEM_MANAGER.token())) {
        missed = kafka.publishMany(400, "dr.kim", "RIS", "");
        // once a live client has all 400, the instance's history has them too
        java.util.Set<String> pending = new java.util.HashSet<>(missed.stream().map(Sent::orderId).toList());
        while (!pending.isEmpty()) {
          pending.remove(subject(watcher.next(frame -> frame.path("type").asString().equals("event"))));
        }
      }

      List<String> replayed = replayed(port, position, kafka);
      assertSameEventsInPartitionOrder(replayed.subList(0, replayed.size() - 1),
          missed.stream().map(Sent::position).toList());
    }
  }

  /**
   * Each event exactly once, and within each partition (hence for each order) in publishing order. Across partitions
   * there is no order to keep: an instance re-reading the history interleaves them its own way.
   */
  private static void assertSameEventsInPartitionOrder(List<String> actual, List<String> expected) {
    assertThat(actual).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(byPartition(actual)).isEqualTo(byPartition(expected));
  }

  private static java.util.Map<Integer, List<String>> byPartition(List<String> positions) {
    return positions.stream().collect(java.util.stream.Collectors.groupingBy(
        position -> Position.parse(position).partition(), java.util.TreeMap::new,
        java.util.stream.Collectors.toList()));
  }

  /**
   * Reconnects with {@code since}: the replayed events come before {@code subscribed} (recovered), then one published
   * afterwards arrives live; nothing twice. Returns the replayed positions, in order, then the live one.
   */
  private static List<String> replayed(int port, StreamPosition since, OrderEvents kafka) throws Exception {
    String target = "&since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
    try (SocketClient back = SocketClient.connectWithQuery(port, TestUser.ADMIN.token(), target)) {
      assertThat(back.next().path("type").asString()).isEqualTo("connected");
      List<String> positions = new ArrayList<>();
      while (true) {
        JsonNode frame = back.next();
        if (frame.path("type").asString().equals("subscribed") && frame.path("channel").asString().equals("ocs:all")) {
          assertThat(frame.path("recovered").asBoolean()).isTrue();
          break;
        }
        if (frame.path("type").asString().equals("event")) {
          positions.add(kafka.positionOf(frame));
        }
      }
      Sent live = kafka.publish("dr.kim", "RIS");
      JsonNode next = back.next(frame -> frame.path("type").asString().equals("event"));
      assertThat(kafka.positionOf(next)).isEqualTo(live.position());
      assertThat(live.isJustAfterIn(next.path("position").asString())).isTrue();
      assertThat(positions).doesNotHaveDuplicates();
      assertThat(positions).doesNotContain(live.position());
      positions.add(live.position());
      return positions;
    }
  }

  @Test
  void aClientWhoseGapIsBeyondTheWindowIsToldItIsNotRecoveredAndGetsNothingReplayed() throws Exception {
    // tests keep 500 events per channel (application-test.yml): a gap of 501 is beyond the window
    String doctor = "dr.gap-" + java.util.UUID.randomUUID();
    try (OrderEvents kafka = new OrderEvents();
        SocketClient admin = SocketClient.connected(port, TestUser.ADMIN.token())) {
      admin.send("{\"type\":\"subscribe\",\"channel\":\"ocs:doctor:" + doctor + "\"}");
      StreamPosition before = StreamPosition.parse(admin.next(frame -> frame.path("type").asString()
          .equals("subscribed")).path("position").asString());
      admin.send("{\"type\":\"unsubscribe\",\"channel\":\"ocs:doctor:" + doctor + "\"}");
      admin.next(frame -> frame.path("type").asString().equals("unsubscribed"));
      List<Sent> gap = kafka.publishMany(501, doctor, "RIS", "");
      Sent last = gap.getLast();
      admin.next(frame -> subject(frame).equals(last.orderId()));

      admin.send("{\"type\":\"subscribe\",\"channel\":\"ocs:doctor:" + doctor + "\",\"since\":\""
          + before + "\"}");
      JsonNode subscribed = admin.next(frame -> frame.path("type").asString().equals("subscribed"));
      assertThat(subscribed.path("recovered").asBoolean()).isFalse();
      admin.sync();
      assertThat(admin.received().stream().map(SocketClient.JSON::readTree)
          .filter(frame -> frame.path("channels").toString().contains(doctor))).isEmpty();
      assertThat(eventsSince(port, "ocs:doctor:" + doctor, before).path("recovered").asBoolean()).isFalse();
    }
  }

  @Test
  void sseResumesFromLastEventIdWithExactlyTheMissedEvents() throws Exception {
    try (OrderEvents kafka = new OrderEvents()) {
      String lastId;
      try (SseClient first = new SseClient(port, "ocs:doctor:dr.kim", TestUser.DR_KIM.token(), null)) {
        assertThat(first.status()).isEqualTo(200);
        SseClient.Event subscribed = first.next();
        assertThat(subscribed.name()).isEqualTo("subscribed");
        Sent seen = kafka.publish("dr.kim", "RIS");
        SseClient.Event event = first.next();
        assertThat(kafka.positionOf(SocketClient.JSON.readTree(event.data()))).isEqualTo(seen.position());
        assertThat(seen.isJustAfterIn(SocketClient.JSON.readTree(event.data()).path("position").asString())).isTrue();
        lastId = event.id();
      }
      List<Sent> missed = List.of(kafka.publish("dr.kim", "LIS"), kafka.publish("dr.lee", "LIS"),
          kafka.publish("dr.kim", "RIS"));

      try (SseClient back = new SseClient(port, "ocs:doctor:dr.kim", TestUser.DR_KIM.token(), lastId)) {
        List<String> positions = new ArrayList<>();
        SseClient.Event event = back.next();
        while (event.name() == null) {
          positions.add(kafka.positionOf(SocketClient.JSON.readTree(event.data())));
          event = back.next();
        }
        assertThat(event.name()).isEqualTo("subscribed");
        assertThat(SocketClient.JSON.readTree(event.data()).path("recovered").asBoolean()).isTrue();
        // a missed event the intake had not read yet at the resume comes live, right after "subscribed"
        while (positions.size() < 2) {
          event = back.next();
          assertThat(event.name()).isNull();
          positions.add(kafka.positionOf(SocketClient.JSON.readTree(event.data())));
        }
        assertThat(positions).containsExactly(missed.get(0).position(), missed.get(2).position());
      }
    }
  }

  @Test
  void restEventsSinceAnswersTheGapAndProblemDetailsForBadInput() throws Exception {
    try (OrderEvents kafka = new OrderEvents();
        SocketClient lee = SocketClient.connect(port, TestUser.DR_LEE.token())) {
      StreamPosition since = StreamPosition.parse(lee.next().path("position").asString());
      Sent before = kafka.publish("dr.lee", "RIS");
      lee.next(frame -> subject(frame).equals(before.orderId()));
      since = since.with(Position.parse(before.position()));
      Sent after = kafka.publish("dr.lee", "RIS");

      JsonNode page = awaitEvent(port, "ocs:doctor:dr.lee", since, after);
      assertThat(page.path("recovered").asBoolean()).isTrue();
      assertThat(page.path("events").get(0).path("position").asString()).isEqualTo(after.position());
      assertThat(page.path("events").get(0).path("event")).isEqualTo(SocketClient.JSON.readTree(after.value()));
      assertThat(page.path("position").asString()).isNotBlank();

      HttpResponse<String> bad = get(port, "/api/notifications/events?channel=ocs:doctor:dr.lee&since=later",
          TestUser.DR_LEE);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).contains("application/problem+json"));
      assertThat(SocketClient.JSON.readTree(bad.body()).path("errors").get(0).path("field").asString())
          .isEqualTo("since");
      assertThat(get(port, "/api/notifications/events?channel=ocs:doctor:dr.lee", TestUser.DR_KIM).statusCode())
          .isEqualTo(403);
      assertThat(get(port, "/api/notifications/events?channel=ocs:nothing", TestUser.DR_KIM).statusCode())
          .isEqualTo(400);
      assertThat(get(port, "/api/notifications/events?channel=ocs:doctor:dr.kim&limit=5000", TestUser.DR_KIM)
          .statusCode()).isEqualTo(400);
      assertThat(get(port, "/sse?channels=ocs:all", TestUser.DR_KIM).statusCode()).isEqualTo(403);
    }
  }

  /** Polls until the event reached the intake (it is published before; the intake reads it within milliseconds). */
  private static JsonNode awaitEvent(int port, String channel, StreamPosition since, Sent sent) throws Exception {
    long deadline = System.nanoTime() + SocketClient.WAIT.toNanos();
    while (true) {
      JsonNode page = eventsSince(port, channel, since);
      if (page.path("events").size() > 0 || System.nanoTime() > deadline) {
        return page;
      }
      Thread.onSpinWait();
    }
  }

  private static JsonNode eventsSince(int port, String channel, StreamPosition since) throws Exception {
    HttpResponse<String> response = get(port, "/api/notifications/events?channel=" + channel + "&since="
        + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8), TestUser.ADMIN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return SocketClient.JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(int port, String path, TestUser user) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", user.bearer()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A second notification-service on another port, on the same database, broker and keys. */
  private ConfigurableApplicationContext secondInstance() {
    List<String> arguments = new ArrayList<>();
    for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
        "spring.kafka.bootstrap-servers", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
      arguments.add("--" + key + "=" + environment.getProperty(key));
    }
    arguments.add("--server.port=0");
    return new SpringApplicationBuilder(NotificationApplication.class).profiles("test")
        .run(arguments.toArray(String[]::new));
  }

  private static String subject(JsonNode frame) {
    return frame.path("event").path("subject").asString();
  }
}
