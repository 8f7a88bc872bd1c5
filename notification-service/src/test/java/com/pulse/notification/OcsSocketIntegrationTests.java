package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.OrderLifecycle.Order;
import com.pulse.notification.OrderLifecycle.Published;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ws/ocs}, the seed's OCS socket, over real sockets with real lifecycle events from Kafka: who receives which
 * order, the {@code OCS_CREATED} / {@code OCS_STATUS_CHANGED} frames the seed's client dispatches on, each event once
 * per connection, and the same handshake and protection as {@code /ws}.
 */
@PulseIntegrationTest
class OcsSocketIntegrationTests {

  @LocalServerPort int port;

  @Test
  void aDoctorReceivesCreatedThenStatusChangedForTheirOwnOrderAndNothingOfAnotherDoctors() throws Exception {
    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient kim = joined(TestUser.DR_KIM, "/ws/ocs");
        SocketClient lee = joined(TestUser.DR_LEE, "/ws/ocs")) {
      Order kims = ocs.create("dr.kim", "RIS");
      Published accepted = kims.accept("ris.park");
      Order lees = ocs.create("dr.lee", "LIS");

      JsonNode created = kim.next(about(kims));
      assertThat(created.path("type").asString()).isEqualTo("OCS_CREATED");
      assertThat(created.path("ocs")).isEqualTo(kims.created().snapshot());
      assertThat(created.path("eventId").asString()).isEqualTo(kims.created().eventId());
      assertThat(created.path("position").asString()).isEqualTo(kims.created().position());
      assertThat(Instant.parse(created.path("occurredAt").asString()))
          .isEqualTo(Instant.parse(kims.created().event().path("time").asString()));
      assertThat(created.has("status")).isFalse();

      JsonNode changed = kim.next(about(kims));
      assertThat(changed.path("type").asString()).isEqualTo("OCS_STATUS_CHANGED");
      assertThat(changed.path("status").asString()).isEqualTo("ACCEPTED");
      assertThat(changed.path("action").asString()).isEqualTo("accepted");
      assertThat(changed.path("ocs")).isEqualTo(accepted.snapshot());
      assertThat(changed.path("ocs").path("workerId").asString()).isEqualTo("ris.park");
      assertThat(changed.path("ocs").path("version").asInt()).isEqualTo(2);
      assertThat(changed.path("eventId").asString()).isEqualTo(accepted.eventId());
      assertThat(changed.path("position").asString()).isEqualTo(accepted.position());

      assertThat(lee.next(about(lees)).path("type").asString()).isEqualTo("OCS_CREATED");
      kim.sync();
      lee.sync();
      assertThat(kim.received()).noneMatch(frame -> frame.contains(lees.id()));
      assertThat(lee.received()).noneMatch(frame -> frame.contains(kims.id()));
    }
  }

  @Test
  void workersReceiveTheOrdersOfTheirJobRoleOnly() throws Exception {
    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient ris = joined(TestUser.RIS_PARK, "/ws/ocs");
        SocketClient lis = joined(TestUser.LIS_CHOI, "/ws/ocs")) {
      Order radiology = ocs.create("dr.kim", "RIS");
      Order lab = ocs.create("dr.lee", "LIS");
      radiology.accept("ris.park");
      lab.accept("lis.choi");

      assertThat(ris.next(about(radiology)).path("type").asString()).isEqualTo("OCS_CREATED");
      assertThat(ris.next(about(radiology)).path("status").asString()).isEqualTo("ACCEPTED");
      assertThat(lis.next(about(lab)).path("type").asString()).isEqualTo("OCS_CREATED");
      assertThat(lis.next(about(lab)).path("ocs").path("workerId").asString()).isEqualTo("lis.choi");
      ris.sync();
      lis.sync();
      assertThat(ris.received()).noneMatch(frame -> frame.contains(lab.id()));
      assertThat(lis.received()).noneMatch(frame -> frame.contains(radiology.id()));
    }
  }

  @Test
  void administratorsReceiveEveryOrderAndEveryTransitionOnceAlsoWithATrailingSlash() throws Exception {
    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient admin = joined(TestUser.ADMIN, "/ws/ocs");
        SocketClient manager = joined(TestUser.SYSTEM_MANAGER, "/ws/ocs/")) {
      Order done = ocs.create("dr.kim", "RIS");
      List<Published> published = new ArrayList<>(List.of(done.created(), done.accept("ris.park"), done.start(),
          done.complete("No acute findings")));
      Order dropped = ocs.create("dr.lee", "LIS");
      published.add(dropped.created());
      published.add(dropped.cancel("Patient discharged"));

      for (SocketClient client : List.of(admin, manager)) {
        List<JsonNode> doneFrames = next(client, about(done), 4);
        assertThat(doneFrames).extracting(frame -> frame.path("type").asString()).containsExactly("OCS_CREATED",
            "OCS_STATUS_CHANGED", "OCS_STATUS_CHANGED", "OCS_STATUS_CHANGED");
        assertThat(doneFrames).extracting(frame -> frame.path("status").asString(""))
            .containsExactly("", "ACCEPTED", "IN_PROGRESS", "COMPLETED");
        assertThat(doneFrames).extracting(frame -> frame.path("action").asString(""))
            .containsExactly("", "accepted", "started", "completed");
        assertThat(doneFrames.getLast().path("ocs").path("result").asString()).isEqualTo("No acute findings");
        List<JsonNode> droppedFrames = next(client, about(dropped), 2);
        assertThat(droppedFrames.getLast().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(droppedFrames.getLast().path("ocs").path("cancelReason").asString()).isEqualTo("Patient discharged");

        client.sync();
        for (Published event : published) {
          assertThat(client.received()).as("frames of %s", event.eventId())
              .filteredOn(frame -> frame.contains(event.eventId())).hasSize(1);
        }
      }
    }
  }

  @Test
  void anEventMatchingSeveralOfAConnectionsChannelsArrivesOnceAndAsTheSameFrameEverywhere() throws Exception {
    // a doctor who also works radiology: their own RIS order matches ocs:doctor:{id} and ocs:job:RIS
    TestUser both = new TestUser("dr.park", "Dr. Park", List.of("DOCTOR", "RIS"), "RIS", null, null);
    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient doctorWorker = joined(both, "/ws/ocs");
        SocketClient admin = joined(TestUser.ADMIN, "/ws/ocs");
        SocketClient protocolV1 = SocketClient.connected(port, TestUser.ADMIN.token())) {
      Order order = ocs.create("dr.park", "RIS");
      Published accepted = order.accept("dr.park");

      List<JsonNode> frames = next(doctorWorker, about(order), 2);
      assertThat(frames).extracting(frame -> frame.path("eventId").asString())
          .containsExactly(order.created().eventId(), accepted.eventId());
      next(admin, about(order), 2);
      JsonNode v1 = protocolV1.next(frame -> frame.path("event").path("id").asString().equals(accepted.eventId()));
      assertThat(v1.path("type").asString()).isEqualTo("event");

      doctorWorker.sync();
      admin.sync();
      assertThat(doctorWorker.received()).filteredOn(frame -> frame.contains(order.id())).hasSize(2);
      // the dialect frame is encoded once per event: byte for byte the same for every connection
      assertThat(doctorWorker.received()).filteredOn(frame -> frame.contains(order.id()))
          .containsExactlyElementsOf(admin.received().stream().filter(frame -> frame.contains(order.id())).toList());
    }
  }

  @Test
  void anEventTheDialectDoesNotKnowIsNotSentHereWhileWsDeliversIt() throws Exception {
    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient dialect = joined(TestUser.ADMIN, "/ws/ocs");
        SocketClient protocolV1 = SocketClient.connected(port, TestUser.ADMIN.token())) {
      Order order = ocs.create("dr.kim", "RIS");
      Published noted = ocs.publishUnlisted(order, "ocs.order.noted");
      Published accepted = order.accept("ris.park");

      protocolV1.next(frame -> frame.path("event").path("id").asString().equals(noted.eventId()));
      // same partition, so once "accepted" is here the unlisted event before it was dispatched (or skipped) too
      assertThat(next(dialect, about(order), 2)).extracting(frame -> frame.path("eventId").asString())
          .containsExactly(order.created().eventId(), accepted.eventId());
      dialect.sync();
      assertThat(dialect.received()).noneMatch(frame -> frame.contains(noted.eventId()));
    }
  }

  @Test
  void withoutAValidTokenTheHandshakeIsRefusedWith401AndTheHeaderWorksLikeTheQuery() throws Exception {
    try (RawSocket refused = RawSocket.handshake(port, "/ws/ocs", 64 * 1024)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(SocketClient.JSON.readTree(refused.body()).path("instance").asString()).isEqualTo("/ws/ocs");
    }
    String expired = TestTokens.shared().issue(TestUser.ADMIN, Duration.ofMinutes(-5));
    assertThat(SocketClient.refusedWith(uri("/ws/ocs", expired))).isEqualTo(401);
    assertThat(SocketClient.refusedWith(uri("/ws/ocs/", "not.a.token"))).isEqualTo(401);

    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient worker = SocketClient.connect(uri("/ws/ocs", null), TestUser.RIS_PARK.bearer())) {
      worker.sync();
      Order order = ocs.create("dr.kim", "RIS");
      assertThat(worker.next(about(order)).path("type").asString()).isEqualTo("OCS_CREATED");
    }
  }

  @Test
  void aBadFrameGetsAnErrorFrameAndTheConnectionLivesOn() throws Exception {
    record Case(String frame, String code) {}
    List<Case> cases = List.of(
        new Case("this is not json", "BAD_FRAME"),
        new Case("{}", "BAD_FRAME"),
        new Case("{\"type\":\"subscribe\",\"channel\":\"ocs:all\"}", "UNKNOWN_TYPE"),
        new Case("{\"type\":\"OCS_CREATED\",\"ocs\":{}}", "UNKNOWN_TYPE"));
    try (OrderLifecycle ocs = new OrderLifecycle(); SocketClient kim = joined(TestUser.DR_KIM, "/ws/ocs")) {
      for (Case bad : cases) {
        kim.send(bad.frame());
        JsonNode error = kim.next(frame -> frame.path("type").asString().equals("error"));
        assertThat(error.path("code").asString()).as(bad.frame()).isEqualTo(bad.code());
      }
      kim.send("{\"type\":\"history\",\"channel\":\"ocs:all\",\"ref\":\"h\"}");
      JsonNode unknown = kim.next(frame -> frame.path("type").asString().equals("error"));
      assertThat(unknown.path("ref").asString()).isEqualTo("h");
      assertThat(unknown.path("message").asString()).contains("known: ping");
      kim.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(kim.next(frame -> frame.path("type").asString().equals("error")).path("code").asString())
          .isEqualTo("BAD_FRAME");

      Order order = ocs.create("dr.kim", "LIS");
      assertThat(kim.next(about(order)).path("type").asString()).isEqualTo("OCS_CREATED");
      kim.sync();
    }
  }

  @Test
  void sinceIsRefusedWithAnErrorAndTheConnectionGoesLive() throws Exception {
    try (OrderLifecycle ocs = new OrderLifecycle();
        SocketClient lis = SocketClient.connect(URI.create(uri("/ws/ocs", TestUser.LIS_CHOI.token())
            + "&since=ocs.orders.v1%3A0%3A1"), null)) {
      JsonNode error = lis.next();
      assertThat(error.path("type").asString()).isEqualTo("error");
      assertThat(error.path("code").asString()).isEqualTo("BAD_REQUEST");
      assertThat(error.path("message").asString()).contains("/ws");
      lis.sync();

      Order order = ocs.create("dr.kim", "LIS");
      assertThat(lis.next(about(order)).path("type").asString()).isEqualTo("OCS_CREATED");
    }
  }

  @Test
  void anExpiredTokenClosesTheSocketWith4001() throws Exception {
    TestUser user = new TestUser("exp.ris", "Expiring RIS", List.of("RIS"), "RIS", null, null);
    try (SocketClient expiring = SocketClient.connect(uri("/ws/ocs",
        TestTokens.shared().issue(user, Duration.ofSeconds(2))), null)) {
      expiring.sync();
      assertThat(expiring.closeCode()).isEqualTo(4001);
    }
  }

  /** Connects to {@code path} and waits for a pong: the channels are joined before any client frame is read. */
  private SocketClient joined(TestUser user, String path) throws InterruptedException {
    SocketClient client = SocketClient.connect(uri(path, user.token()), null);
    client.sync();
    return client;
  }

  private URI uri(String path, String token) {
    return URI.create("ws://127.0.0.1:" + port + path + (token == null ? "" : "?access_token=" + token));
  }

  private static Predicate<JsonNode> about(Order order) {
    return frame -> frame.path("ocs").path("orderId").asString("").equals(order.id());
  }

  private static List<JsonNode> next(SocketClient client, Predicate<JsonNode> filter, int count)
      throws InterruptedException {
    List<JsonNode> frames = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      frames.add(client.next(filter));
    }
    return frames;
  }
}
