package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.OrderEvents.Sent;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Protocol v1 over a real socket: subscribe / unsubscribe / history with their errors, refresh and token expiry,
 * connection limits and the inbound rate limit. After each misbehaviour the service still serves.
 */
@PulseIntegrationTest
class SubscriptionIntegrationTests {

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void subscribingToAnotherDoctorsOrAnotherUsersChannelIsForbiddenAndChangesNothing() throws Exception {
    try (SocketClient kim = SocketClient.connected(port, TestUser.DR_KIM.token());
        OrderEvents kafka = new OrderEvents()) {
      for (String channel : List.of("ocs:doctor:dr.lee", "ocs:all", "ocs:job:RIS", "user:dr.lee",
          "journey:queue:CT-1".replace("journey:queue", "spc:product"), "vote:poll:lunch")) {
        kim.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\",\"ref\":\"" + channel + "\"}");
        JsonNode error = kim.next();
        assertThat(error.path("code").asString()).as(channel).isEqualTo("FORBIDDEN");
        assertThat(error.path("ref").asString()).isEqualTo(channel);
      }
      Sent lees = kafka.publish("dr.lee", "RIS");
      Sent kims = kafka.publish("dr.kim", "RIS");

      JsonNode event = kim.next(frame -> frame.path("type").asString().equals("event"));
      assertThat(event.path("event").path("subject").asString()).isEqualTo(kims.orderId());
      kim.sync();
      assertThat(kim.received()).noneMatch(frame -> frame.contains(lees.orderId()));
    }
  }

  @Test
  void subscribeUnsubscribeAndHistoryAnswerAsDocumented() throws Exception {
    try (SocketClient admin = SocketClient.connected(port, TestUser.ADMIN.token());
        OrderEvents kafka = new OrderEvents()) {
      double ocsBefore = meters.get("pulse.notification.subscriptions").tag("namespace", "ocs").gauge().value();
      admin.send("{\"type\":\"subscribe\",\"channel\":\"ocs:job:LIS\",\"ref\":1}");
      JsonNode subscribed = admin.next(frame -> frame.path("type").asString().equals("subscribed"));
      assertThat(subscribed.path("channel").asString()).isEqualTo("ocs:job:LIS");
      assertThat(subscribed.path("recovered").asBoolean()).isFalse();
      assertThat(subscribed.path("position").isString()).isTrue();
      assertThat(subscribed.path("ref").asInt()).isEqualTo(1);
      assertThat(meters.get("pulse.notification.subscriptions").tag("namespace", "ocs").gauge().value())
          .isEqualTo(ocsBefore + 1);

      Sent lis = kafka.publish("dr.lee", "LIS");
      JsonNode event = admin.next(frame -> frame.path("event").path("subject").asString().equals(lis.orderId()));
      assertThat(event.path("channels").valueStream().map(JsonNode::asString))
          .containsExactly("ocs:all", "ocs:job:LIS");

      admin.send("{\"type\":\"unsubscribe\",\"channel\":\"ocs:job:LIS\"}");
      assertThat(admin.next(frame -> frame.path("type").asString().equals("unsubscribed")).path("channel")
          .asString()).isEqualTo("ocs:job:LIS");
      admin.send("{\"type\":\"unsubscribe\",\"channel\":\"ocs:job:LIS\"}");
      assertThat(admin.next().path("code").asString()).isEqualTo("NOT_SUBSCRIBED");

      admin.send("{\"type\":\"history\",\"channel\":\"ocs:job:LIS\",\"limit\":1}");
      JsonNode history = admin.next(frame -> frame.path("type").asString().equals("history"));
      assertThat(history.path("events")).hasSize(1);
      assertThat(history.path("events").get(0).path("position").asString()).isEqualTo(lis.position());
      assertThat(history.path("events").get(0).path("event").path("id").asString())
          .isEqualTo(SocketClient.JSON.readTree(lis.value()).path("id").asString());
    }
  }

  @Test
  void badSubscriptionsGetTheirErrorCodeAndTheConnectionStillAnswers() throws Exception {
    record Case(String frame, String code) {}
    List<Case> cases = List.of(
        new Case("{\"type\":\"subscribe\"}", "BAD_REQUEST"),
        new Case("{\"type\":\"subscribe\",\"channel\":42}", "BAD_REQUEST"),
        new Case("{\"type\":\"subscribe\",\"channel\":\"ocs:everything\"}", "UNKNOWN_CHANNEL"),
        new Case("{\"type\":\"subscribe\",\"channel\":\"nothing:here\"}", "UNKNOWN_CHANNEL"),
        new Case("{\"type\":\"subscribe\",\"channel\":\"ocs:all\",\"since\":\"yesterday\"}", "BAD_REQUEST"),
        new Case("{\"type\":\"history\",\"channel\":\"ocs:all\",\"limit\":0}", "BAD_REQUEST"),
        new Case("{\"type\":\"history\",\"channel\":\"ocs:doctor:dr.kim\"}", "FORBIDDEN"),
        new Case("{\"type\":\"refresh\"}", "BAD_REQUEST"),
        new Case("{\"type\":\"refresh\",\"token\":\"not-a-jwt\"}", "TOKEN_INVALID"),
        new Case("{\"type\":\"refresh\",\"token\":\"" + TestUser.DR_LEE.token() + "\"}", "TOKEN_INVALID"));
    try (SocketClient worker = SocketClient.connected(port, TestUser.RIS_PARK.token())) {
      for (Case bad : cases) {
        worker.send(bad.frame());
        JsonNode error = worker.next();
        assertThat(error.path("type").asString()).as(bad.frame()).isEqualTo("error");
        assertThat(error.path("code").asString()).as(bad.frame()).isEqualTo(bad.code());
      }
      worker.sync();
    }
  }

  @Test
  void anExpiredTokenClosesTheSocketWith4001UnlessRefreshed() throws Exception {
    TestUser user = new TestUser("exp." + UUID.randomUUID(), "Expiring", List.of("QUALITY"), null, null, null);
    // exp is in whole seconds, so a 4 s token lasts 3 to 4 s: time enough to refresh even on a loaded machine
    try (SocketClient refreshed = SocketClient.connected(port, TestTokens.shared().issue(user, Duration.ofSeconds(4)));
        SocketClient expiring = SocketClient.connected(port,
            TestTokens.shared().issue(user, Duration.ofSeconds(4)))) {
      refreshed.send("{\"type\":\"refresh\",\"token\":\"" + TestTokens.shared().issue(user) + "\",\"ref\":\"r\"}");
      JsonNode answer = refreshed.next();
      assertThat(answer.path("type").asString()).isEqualTo("refreshed");
      assertThat(answer.path("ref").asString()).isEqualTo("r");

      double expiredBefore = count("pulse.notification.disconnects", "reason", "token_expired");
      assertThat(expiring.closeCode()).isEqualTo(4001);
      assertThat(count("pulse.notification.disconnects", "reason", "token_expired")).isEqualTo(expiredBefore + 1);
      refreshed.sync();
    }
  }

  @Test
  void oneConnectionOverTheUserLimitIsClosedWith1013AndARetryHint() throws Exception {
    TestUser user = new TestUser("many." + UUID.randomUUID(), "Many", List.of("EMPLOYEE"), null, null, "1");
    List<SocketClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        open.add(SocketClient.connected(port, user.token()));
      }
      double rejectedBefore = count("pulse.notification.connections.rejected", "reason", "user_limit");
      SocketClient over = SocketClient.connect(port, user.token());
      open.add(over);
      assertThat(over.closeCode()).isEqualTo(1013);
      assertThat(over.closeReason()).contains("retry after 5s");
      assertThat(count("pulse.notification.connections.rejected", "reason", "user_limit"))
          .isEqualTo(rejectedBefore + 1);

      open.removeFirst().close();
      SocketClient again = awaitAdmitted(user);
      open.add(again);
      again.sync();
    } finally {
      open.forEach(SocketClient::close);
    }
  }

  @Test
  void aFloodGetsRateLimitedThenClosedWith4029AndOthersAreServed() throws Exception {
    try (SocketClient flooder = SocketClient.connected(port, TestUser.OP_HAN.token());
        SocketClient bystander = SocketClient.connected(port, TestUser.OP_HAN.token())) {
      try {
        for (int i = 0; i < 400; i++) {
          flooder.send("{\"type\":\"ping\"}");
        }
      } catch (CompletionException closedMeanwhile) {
        // the server closed the flooder while it was still sending
      }
      assertThat(flooder.closeCode()).isEqualTo(4029);
      assertThat(flooder.received()).anyMatch(frame -> frame.contains("\"RATE_LIMITED\""));
      bystander.sync();
    }
  }

  @Test
  void everyOneOfSeveralFloodsReadsItsCloseCodeNotAReset() throws Exception {
    List<SocketClient> flooders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      flooders.add(SocketClient.connected(port, tokenForNewUser()));
    }
    try {
      List<Thread> floods = flooders.stream().map(flooder -> Thread.ofVirtual().start(() -> {
        try {
          for (int i = 0; i < 2_000; i++) {
            flooder.send("{\"type\":\"ping\"}");
          }
        } catch (CompletionException | IllegalStateException closedMeanwhile) {
          // the server closed this flooder while it was still sending: what it reads next is the point
        }
      })).toList();
      for (Thread flood : floods) {
        flood.join();
      }
      assertThat(flooders).allSatisfy(flooder -> assertThat(flooder.closeCode()).isEqualTo(4029));
    } finally {
      flooders.forEach(SocketClient::close);
    }
  }

  private static String tokenForNewUser() {
    return new TestUser("flood." + UUID.randomUUID(), "Flooder", List.of("OPERATOR"), null, null, null).token();
  }

  @Test
  void aForeignPositionIsRefusedWithAClearErrorAndNothingIsJoined() throws Exception {
    try (SocketClient admin = SocketClient.connected(port, TestUser.ADMIN.token())) {
      admin.send("{\"type\":\"subscribe\",\"channel\":\"ocs:job:LIS\",\"since\":\"elsewhere.things.v9:0:12\","
          + "\"ref\":\"f\"}");
      JsonNode error = admin.next(frame -> frame.path("ref").asString("").equals("f"));

      assertThat(error.path("type").asString()).isEqualTo("error");
      assertThat(error.path("code").asString()).isEqualTo("BAD_REQUEST");
      assertThat(error.path("message").asString()).contains("elsewhere.things.v9:0")
          .contains("not a position given by this service");
      admin.send("{\"type\":\"unsubscribe\",\"channel\":\"ocs:job:LIS\",\"ref\":\"u\"}");
      assertThat(admin.next(frame -> frame.path("ref").asString("").equals("u")).path("code").asString())
          .as("the refused subscription joined nothing").isEqualTo("NOT_SUBSCRIBED");
    }
  }

  private double count(String name, String tag, String value) {
    Counter counter = meters.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  /** A closed socket's count is released when the server sees it end, shortly after the client left. */
  private SocketClient awaitAdmitted(TestUser user) throws InterruptedException {
    long deadline = System.nanoTime() + SocketClient.WAIT.toNanos();
    while (true) {
      SocketClient client = SocketClient.connect(port, user.token());
      JsonNode first = client.nextOrNull();
      if (first != null && first.path("type").asString().equals("connected")) {
        return client;
      }
      client.close();
      assertThat(System.nanoTime()).as("admitted again within the wait").isLessThan(deadline);
    }
  }
}
