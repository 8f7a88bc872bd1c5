package com.pulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.gateway.SocketEvents;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /ws} reaches notification-service (a real WebSocket echo server here) through the gateway. */
class WebSocketRouteTests extends GatewayTestBase {

  private final HttpClient client = HttpClient.newHttpClient();
  private final SocketEvents messages = new SocketEvents();
  private WebSocket socket;

  @AfterEach
  void close() {
    if (socket != null) {
      socket.abort();
    }
    client.shutdownNow(); // close() waits for every exchange, and an aborted socket's may never end
  }

  @Test
  void withTheTokenInTheQueryMessagesFlowBothWays() throws Exception {
    String token = tokenFor(TestUser.ADMIN);

    socket = client.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + token), messages)
        .get(10, TimeUnit.SECONDS);

    assertThat(messages.next()).isEqualTo("welcome /ws?access_token=" + token + " auth=null");
    socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
    assertThat(messages.next()).isEqualTo("echo:hello");
    socket.sendText("{\"type\":\"subscribe\",\"channels\":[\"ocs:all\"]}", true).get(5, TimeUnit.SECONDS);
    assertThat(messages.next()).isEqualTo("echo:{\"type\":\"subscribe\",\"channels\":[\"ocs:all\"]}");
  }

  @Test
  void theAuthorizationHeaderWorksToo() throws Exception {
    String bearer = "Bearer " + tokenFor(TestUser.RIS_PARK);
    socket = client.newWebSocketBuilder()
        .header("Authorization", bearer)
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), messages)
        .get(10, TimeUnit.SECONDS);

    assertThat(messages.next()).isEqualTo("welcome /ws auth=" + bearer);
    socket.sendText("ping", true).get(5, TimeUnit.SECONDS);
    assertThat(messages.next()).isEqualTo("echo:ping");
  }

  @Test
  void withoutATokenTheHandshakeIsRefusedWith401() {
    assertHandshakeRefused(URI.create("ws://127.0.0.1:" + port + "/ws"));
  }

  @Test
  void withAnInvalidTokenTheHandshakeIsRefusedWith401() {
    assertHandshakeRefused(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=not.a.token"));
  }

  private void assertHandshakeRefused(URI uri) {
    Throwable failure = catchThrowable(() -> client.newWebSocketBuilder().buildAsync(uri, messages)
        .get(10, TimeUnit.SECONDS));

    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(401);
    assertThat(messages.received).isEmpty();
  }
}
