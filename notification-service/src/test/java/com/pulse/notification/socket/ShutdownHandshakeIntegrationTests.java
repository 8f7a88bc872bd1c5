package com.pulse.notification.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Once the service began to stop, its open sockets were told to reconnect elsewhere (1012): a handshake accepted then
 * would only hold the shutdown up, so it is refused with 503 and a retry hint until the listener is gone.
 */
@PulseIntegrationTest
class ShutdownHandshakeIntegrationTests {

  @LocalServerPort int port;
  @Autowired Connections connections;

  @Test
  void whileTheServiceStopsNewHandshakesGet503WithARetryHint() throws Exception {
    URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + TestUser.ADMIN.token());
    try (HttpClient http = HttpClient.newHttpClient()) {
      connections.stop();
      try {
        CompletionException refused = catchThrowableOfType(CompletionException.class,
            () -> http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {}).join());
        assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        var response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      } finally {
        connections.start();
      }
      WebSocket open = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {}).get(10,
          TimeUnit.SECONDS);
      open.abort();
    }
  }
}
