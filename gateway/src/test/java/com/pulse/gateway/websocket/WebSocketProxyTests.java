package com.pulse.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.gateway.SocketEvents;
import com.pulse.gateway.SocketScripts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own WebSocket proxy does what the routing of {@code lb://notification} did, and more: the service gets
 * the token, request id and {@code traceparent}; sockets are spread over the instances; the service chooses the
 * sub-protocol; a service that refuses or is down gets the client an HTTP answer, not a socket that opens and dies;
 * and a message over the frame limit tells the other end why its peer went away.
 */
class WebSocketProxyTests extends GatewayTestBase {

  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<WebSocket> sockets = new ArrayList<>();
  private final ListAppender<ILoggingEvent> guardLog = new ListAppender<>();

  @BeforeEach
  void captureGuardLog() {
    guardLog.start();
    guard().addAppender(guardLog);
  }

  @AfterEach
  void close() {
    guard().detachAppender(guardLog);
    sockets.forEach(WebSocket::abort);
    client.shutdownNow(); // close() waits for every exchange, and an aborted socket's may never end
  }

  @Test
  void theServiceGetsTheTokenTheRequestIdAndTheTraceContext() throws Exception {
    SocketEvents events = new SocketEvents();
    String token = tokenForNewUser("proxy");
    open(client.newWebSocketBuilder().header("Authorization", "Bearer " + token).header("X-Request-Id", "ward-7:42")
        .header("traceparent", TRACEPARENT), "/ws/script/headers", events);

    assertThat(events.next())
        .contains("request-id=ward-7:42")
        .contains("traceparent=" + TRACEPARENT)
        .contains("authorization=Bearer " + token)
        .doesNotContain("host=127.0.0.1:" + port); // the service's own address, not the gateway's
  }

  @Test
  void socketsAreSpreadOverTheServiceInstances() throws Exception {
    Set<String> instances = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      SocketEvents events = new SocketEvents();
      open(client.newWebSocketBuilder(), "/ws/script/headers?access_token=" + tokenForNewUser("lb"), events);
      instances.add(events.next().split(" ")[0]);
    }

    assertThat(instances).containsExactlyInAnyOrder("instance=a", "instance=b");
  }

  @Test
  void theClientGetsTheSubProtocolTheServiceChose() throws Exception {
    SocketEvents events = new SocketEvents();
    WebSocket socket = open(client.newWebSocketBuilder().subprotocols("pulse.v1", "pulse.v2"),
        "/ws/script/protocols?accept=pulse.v2&access_token=" + tokenForNewUser("protocol"), events);

    assertThat(socket.getSubprotocol()).isEqualTo("pulse.v2");
    assertThat(events.next()).isEqualTo("protocol=pulse.v2");
  }

  @Test
  void aHandshakeTheServiceRefusesGetsTheServicesStatus() {
    HttpResponse<?> answer = refusedHandshake("/ws/script/refuse?status=429&retry-after=7&access_token="
        + tokenForNewUser("refused"));

    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
  }

  @Test
  void aHandshakeToAServiceThatIsDownGets503() {
    Throwable failure = catchThrowable(() -> open(client.newWebSocketBuilder()
        .header("Authorization", "Bearer " + tokenForNewUser("down")), "/api/unavailable/socket", new SocketEvents()));
    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    HttpResponse<?> answer = ((WebSocketHandshakeException) failure.getCause()).getResponse();

    assertThat(answer.statusCode()).isEqualTo(503);
  }

  @Test
  void aServiceMessageOverTheLimitIsLoggedAndClosesTheClientWith1014() throws Exception {
    SocketEvents events = new SocketEvents();
    open(client.newWebSocketBuilder(), "/ws/script/big?bytes=70000&access_token=" + tokenForNewUser("big"), events);
    assertThat(events.next()).isEqualTo("ready");

    // the service is sent 1009 too, but reports whichever comes first: that or its own failed write of the message
    assertThat(events.closeFrame()).isEqualTo("1014 service message too big");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(guardLog.list)
        .anySatisfy(line -> assertThat(line.getFormattedMessage())
            .contains("from service").contains("exceeds 65536 bytes").contains("closing with 1009")));
  }

  @Test
  void aClientMessageOverTheLimitClosesTheClientWith1009AndTellsTheService() throws Exception {
    String id = "too-big-" + UUID.randomUUID();
    SocketEvents events = new SocketEvents();
    WebSocket socket = open(client.newWebSocketBuilder(),
        "/ws/script/firehose?frames=0&id=" + id + "&access_token=" + tokenForNewUser("big"), events);
    assertThat(events.next()).isEqualTo("done:0");

    socket.sendText("x".repeat(65_537), true).get(5, TimeUnit.SECONDS);

    assertThat(events.closeFrame()).startsWith("1009");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(SocketScripts.closesReceived())
        .contains(id + " 1009 client message too big"));
  }

  private WebSocket open(WebSocket.Builder builder, String pathAndQuery, SocketEvents events) throws Exception {
    WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), events)
        .get(10, TimeUnit.SECONDS);
    sockets.add(socket);
    return socket;
  }

  private HttpResponse<?> refusedHandshake(String pathAndQuery) {
    Throwable failure = catchThrowable(() -> open(client.newWebSocketBuilder(), pathAndQuery, new SocketEvents()));
    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) failure.getCause()).getResponse();
  }

  private static Logger guard() {
    return (Logger) LoggerFactory.getLogger(FrameLimitGuard.class);
  }
}
