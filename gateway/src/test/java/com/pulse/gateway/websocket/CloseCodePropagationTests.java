package com.pulse.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.gateway.SocketEvents;
import com.pulse.gateway.SocketScripts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every close code notification-service documents (its PROTOCOL.md "Close codes", and the guards in its
 * {@code CloseCodes}) reaches the client through the gateway with its code and its reason, whether the service closes
 * at once (a connection limit) or in the middle of a conversation; a client's close reaches the service the same way;
 * a close frame without a code stays without one; and a connection dropped on one side is dropped on the other, never
 * turned into a made-up code. A client decides from the code whether and when to reconnect, so a code lost on the way
 * is a wrong decision.
 */
class CloseCodePropagationTests extends GatewayTestBase {

  private final HttpClient client = HttpClient.newHttpClient();
  private WebSocket socket;

  @AfterEach
  void close() {
    if (socket != null) {
      socket.abort();
    }
    client.shutdownNow(); // close() waits for every exchange, and an aborted socket's may never end
  }

  static Stream<Arguments> serviceCloses() {
    return Stream.of(
        Arguments.of(1000, "bye"),
        Arguments.of(1008, "not authenticated"),
        Arguments.of(1009, "frame too big"),
        Arguments.of(1011, "internal error"),
        Arguments.of(1012, "server restarting: reconnect"),
        Arguments.of(1013, "user connection limit; retry after 5s"),
        Arguments.of(1013, "instance connection limit; retry after 5s"),
        Arguments.of(4001, "token expired"),
        Arguments.of(4008, "slow consumer: send queue full"),
        Arguments.of(4009, "idle timeout"),
        Arguments.of(4029, "too many frames"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("serviceCloses")
  void aServiceClosingAtOnceGivesTheClientItsCodeAndReason(int code, String reason) throws Exception {
    SocketEvents events = new SocketEvents();
    socket = open("/ws/script/close?when=open&code=" + code + "&reason=" + encode(reason), events);

    assertThat(events.closeFrame()).isEqualTo(code + " " + reason);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("serviceCloses")
  void aServiceClosingMidConversationGivesTheClientItsCodeAndReason(int code, String reason) throws Exception {
    SocketEvents events = new SocketEvents();
    socket = open("/ws/script/close?when=message&code=" + code + "&reason=" + encode(reason), events);
    assertThat(events.next()).isEqualTo("ready");

    socket.sendText("hello", true).get(5, TimeUnit.SECONDS);

    assertThat(events.closeFrame()).isEqualTo(code + " " + reason);
  }

  static List<Arguments> clientCloses() {
    return List.of(Arguments.of(1000, "done"), Arguments.of(1001, "page closed"), Arguments.of(4000, "app: leaving"),
        Arguments.of(4999, ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("clientCloses")
  void aClientCloseReachesTheServiceWithItsCodeAndReasonAndIsAnswered(int code, String reason) throws Exception {
    String id = "client-close-" + UUID.randomUUID();
    SocketEvents events = new SocketEvents();
    socket = open("/ws/script/firehose?frames=0&id=" + id, events);
    assertThat(events.next()).isEqualTo("done:0");

    socket.sendClose(code, reason).get(5, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(SocketScripts.closesReceived())
        .contains(id + " " + code + " " + reason));
    // the service's answer comes back: the closing handshake completes instead of a dropped connection
    assertThat(events.closeFrame()).startsWith(Integer.toString(code));
  }

  @Test
  void aServiceCloseFrameWithoutACodeReachesTheClientWithoutOne() throws Exception {
    SocketEvents events = new SocketEvents();
    socket = open("/ws/script/close?when=open&code=none", events);

    assertThat(events.closeFrame()).isEqualTo("1005 "); // what a client reports for a close frame without a code
  }

  @Test
  void aServiceDroppingItsConnectionDropsTheClientsInsteadOfInventingACode() throws Exception {
    SocketEvents events = new SocketEvents();
    socket = open("/ws/script/drop?x=1", events);
    assertThat(events.next()).isEqualTo("ready");

    socket.sendText("bye", true).get(5, TimeUnit.SECONDS);

    // the JDK client reports a connection that ended without a close frame as 1006 or as an error
    assertThat(events.closeFrame()).as("no close frame").matches("1006 .*|error .*");
  }

  @Test
  void aClientDroppingItsConnectionDropsTheServicesToo() throws Exception {
    String id = "client-drop-" + UUID.randomUUID();
    SocketEvents events = new SocketEvents();
    socket = open("/ws/script/firehose?frames=0&id=" + id, events);
    assertThat(events.next()).isEqualTo("done:0");

    socket.abort();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(SocketScripts.closesReceived())
        .contains(id + " dropped"));
  }

  /** Opens a socket as a user of its own, so that no test meets the per-user handshake limit. */
  private WebSocket open(String pathAndQuery, SocketEvents events) throws Exception {
    String token = tokenForNewUser("close");
    return client.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery + "&access_token=" + token), events)
        .get(10, TimeUnit.SECONDS);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
