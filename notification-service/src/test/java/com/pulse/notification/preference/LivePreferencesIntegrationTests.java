package com.pulse.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.inbox.InboxClient;
import com.pulse.notification.inbox.OrderPublisher;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Preferences on the real socket: what a user filtered out never reaches their connection. */
@PulseIntegrationTest
class LivePreferencesIntegrationTests {

  @LocalServerPort int port;

  @Test
  void aConnectionGetsOnlyTheEventsItsUsersPreferencesAccept() throws Exception {
    TestUser doctor = InboxClient.freshDoctor();
    new InboxClient(port).put(doctor, "/api/notifications/preferences", "{\"minimumPriority\":\"HIGH\"}");
    BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket socket = connect(doctor, frames);
    try (OrderPublisher kafka = new OrderPublisher()) {
      await(frames, "connected");
      // one order, so one partition: the routine event is before the stat one, or nowhere
      String orderId = UUID.randomUUID().toString();
      String routine = kafka.publish(orderId, 1, doctor.id(), "RIS", "ROUTINE").eventId();
      String stat = kafka.publish(orderId, 2, doctor.id(), "RIS", "STAT").eventId();

      List<String> received = new ArrayList<>();
      while (!received.contains(stat)) {
        received.add(await(frames, "event").path("event").path("id").asString());
      }
      assertThat(received).containsExactly(stat).doesNotContain(routine);
    } finally {
      socket.abort();
    }
  }

  private WebSocket connect(TestUser user, BlockingQueue<String> frames) throws Exception {
    StringBuilder partial = new StringBuilder();
    return HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + user.token()),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                  frames.add(partial.toString());
                  partial.setLength(0);
                }
                ws.request(1);
                return null;
              }
            })
        .get(10, TimeUnit.SECONDS);
  }

  private static JsonNode await(BlockingQueue<String> frames, String type) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String frame = frames.poll(100, TimeUnit.MILLISECONDS);
      if (frame != null) {
        JsonNode json = InboxClient.JSON.readTree(frame);
        if (json.path("type").asString().equals(type)) {
          return json;
        }
      }
    }
    throw new AssertionError("no '" + type + "' frame within 20 s");
  }
}
