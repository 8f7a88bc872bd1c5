package com.pulse.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pulse.gateway.Downstreams;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.gateway.SocketEvents;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Frame limit, Origin allowlist and close propagation, through the gateway to a real WebSocket server. */
class WebSocketProtectionTests extends GatewayTestBase {

  private final HttpClient client = HttpClient.newHttpClient();
  private final SocketEvents events = new SocketEvents();
  private final ListAppender<ILoggingEvent> frameLog = new ListAppender<>();
  private WebSocket socket;

  @BeforeEach
  void captureFrameLimitLog() {
    frameLog.start();
    ((Logger) LoggerFactory.getLogger(FrameLimitGuard.class)).addAppender(frameLog);
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(FrameLimitGuard.class)).detachAppender(frameLog);
    if (socket != null) {
      socket.abort();
    }
    client.shutdownNow(); // close() waits for every exchange, and an aborted socket's may never end
  }

  @Test
  void aFrameOverTheLimitClosesWith1009AndIsLogged() throws Exception {
    socket = open(client.newWebSocketBuilder(), "/ws");
    assertThat(events.next()).startsWith("welcome /ws");

    socket.sendText("x".repeat(65_537), true).get(5, TimeUnit.SECONDS);

    assertThat(events.closeFrame()).startsWith("1009");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(frameLog.list)
        .anySatisfy(line -> assertThat(line.getFormattedMessage())
            .contains("from client").contains("exceeds 65536 bytes").contains("closing with 1009")));
  }

  @Test
  void aFrameAtTheLimitPasses() throws Exception {
    socket = open(client.newWebSocketBuilder(), "/ws");
    assertThat(events.next()).startsWith("welcome /ws");

    String largest = "y".repeat(65_536 - "echo:".length());
    socket.sendText(largest, true).get(5, TimeUnit.SECONDS);

    assertThat(events.next()).isEqualTo("echo:" + largest);
  }

  @Test
  void aBrowserFromAnOriginNotAllowedGets403() {
    Throwable failure = catchThrowable(() -> open(client.newWebSocketBuilder().header("Origin", "https://evil.test"),
        "/ws"));

    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(403);
  }

  @Test
  void aBrowserFromAnAllowedOriginConnects() throws Exception {
    socket = open(client.newWebSocketBuilder().header("Origin", ALLOWED_ORIGIN), "/ws");

    assertThat(events.next()).startsWith("welcome /ws");
  }

  /** The console the gateway serves itself (/console/) is not in the allowlist, and needs not be. */
  @Test
  void aPageOfTheGatewaysOwnOriginConnects() throws Exception {
    socket = open(client.newWebSocketBuilder().header("Origin", baseUrl()), "/ws");
    assertThat(events.next()).startsWith("welcome /ws");
    assertThat(OriginAllowlistFilter.sameOrigin("http://127.0.0.1:8080", java.net.URI.create("ws://127.0.0.1:8081/ws")))
        .as("another port is another origin").isFalse();
    assertThat(OriginAllowlistFilter.sameOrigin("https://pulse.example", java.net.URI.create("wss://pulse.example/ws")))
        .isTrue();
  }

  @Test
  void theSeedDialectPathsAreRouted() throws Exception {
    socket = open(client.newWebSocketBuilder(), "/ws/spc/notifications/");

    assertThat(events.next()).startsWith("welcome /ws/spc/notifications/");
  }

  @Test
  void aClientCloseReachesTheServiceWithItsCode() throws Exception {
    socket = open(client.newWebSocketBuilder(), "/ws/queue/client-close/");
    assertThat(events.next()).startsWith("welcome /ws/queue/client-close/");

    socket.sendClose(4001, "leaving").get(5, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Downstreams.notificationCloses())
        .anySatisfy(close -> assertThat(close).startsWith("/ws/queue/client-close/").endsWith(" 4001")));
  }

  @Test
  void aServiceCloseReachesTheClientWithItsCode() throws Exception {
    socket = open(client.newWebSocketBuilder(), "/ws");
    assertThat(events.next()).startsWith("welcome /ws");

    socket.sendText("close", true).get(5, TimeUnit.SECONDS);

    assertThat(events.closeFrame()).isEqualTo("4000 bye");
  }

  @Test
  void pingsTravelThroughAndPongsComeBack() throws Exception {
    socket = open(client.newWebSocketBuilder(), "/ws");
    assertThat(events.next()).startsWith("welcome /ws");

    socket.sendPing(java.nio.ByteBuffer.wrap("keep-alive".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .get(5, TimeUnit.SECONDS);

    assertThat(events.next()).isEqualTo("pong:keep-alive");
  }

  private WebSocket open(WebSocket.Builder builder, String path) throws Exception {
    String token = tokenFor(TestUser.SYSTEM_MANAGER);
    return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path + "?access_token=" + token), events)
        .get(10, TimeUnit.SECONDS);
  }
}
