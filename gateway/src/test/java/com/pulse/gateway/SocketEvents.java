package com.pulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a test's WebSocket client receives: whole text messages and pongs ({@code pong:<payload>}), and the close
 * frame's code and reason.
 */
public final class SocketEvents implements WebSocket.Listener {

  public final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  public final CompletableFuture<String> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
    received.add("pong:" + java.nio.charset.StandardCharsets.UTF_8.decode(message));
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  public String next() throws InterruptedException {
    String message = received.poll(10, TimeUnit.SECONDS);
    assertThat(message).as("a message within 10 s").isNotNull();
    return message;
  }

  /** {@code <code> <reason>} of the close frame received within 10 s. */
  public String closeFrame() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }
}
