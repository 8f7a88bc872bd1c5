package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.problems.ProblemTexts;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.http.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open a connection when the service is reached directly, not through the gateway: no page of a foreign
 * origin (socket or SSE), and no more SSE streams and sockets together than the per-user limit; SSE streams are
 * counted in the connections gauge.
 */
@PulseIntegrationTest
class ConnectionGuardIntegrationTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void aForeignOriginIsRefusedAtTheHandshakeAndOnSse() throws Exception {
    String token = TestTokens.shared().issue(
        new TestUser("origin." + UUID.randomUUID(), "Origin", List.of("QUALITY"), null, null, null));

    HttpResponse<String> sse = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sse"))
        .header("Authorization", "Bearer " + token).header("Origin", "https://evil.example").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sse.statusCode()).isEqualTo(403);
    assertThat(sse.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(sse.body()).contains(ProblemTexts.CROSS_ORIGIN_REFUSED);

    RawHttp.Response handshake = RawHttp.send(port, "GET", "/ws?access_token=" + token, Map.of(
        "Origin", "https://evil.example", "Connection", "Upgrade", "Upgrade", "websocket",
        "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), null);
    assertThat(handshake.status()).isEqualTo(403);
    assertThat(new String(handshake.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(ProblemTexts.CROSS_ORIGIN_REFUSED);

    try (SocketClient allowed = SocketClient.connected(port, token)) { // no Origin: not a browser's cross-site call
      allowed.sync();
    }
    // same-origin (Origin names this host, as the gateway's proxy sends it) and allow-listed origins pass
    for (String origin : List.of("http://127.0.0.1:" + port, "http://localhost:5173")) {
      HTTP.newWebSocketBuilder().header("Origin", origin)
          .buildAsync(SocketClient.uri(port, token), new java.net.http.WebSocket.Listener() {})
          .orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).join().abort();
    }
  }

  @Test
  void sseStreamsAndSocketsShareThePerUserLimitAndTheGauge() throws Exception {
    TestUser user = new TestUser("streams." + UUID.randomUUID(), "Streams", List.of("QUALITY"), null, null, null);
    String token = TestTokens.shared().issue(user);
    // other tests' sockets may still be closing: start from a count that held still for two readings
    AtomicReference<Double> settled = new AtomicReference<>(-1.0);
    await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10)).until(() -> {
      double now = meters.get("pulse.notification.connections").gauge().value();
      return now == settled.getAndSet(now);
    });
    double before = settled.get();
    List<AutoCloseable> open = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        SseClient stream = new SseClient(port, "user:" + user.id(), token, null);
        assertThat(stream.status()).isEqualTo(200);
        open.add(stream);
        open.add(SocketClient.connected(port, token));
      }
      assertThat(meters.get("pulse.notification.connections").gauge().value()).isGreaterThanOrEqualTo(before + 20);

      HttpResponse<String> over = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/sse?channels=user:" + user.id())).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(over.statusCode()).isEqualTo(429);
      assertThat(over.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(over.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      SocketClient overSocket = SocketClient.connect(port, token);
      open.add(overSocket);
      assertThat(overSocket.closeCode()).isEqualTo(1013);
    } finally {
      for (AutoCloseable connection : open) {
        connection.close();
      }
    }
  }
}
