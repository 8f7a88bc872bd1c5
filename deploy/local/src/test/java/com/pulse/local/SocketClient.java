package com.pulse.local;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A WebSocket client that queues every JSON frame it receives, for tests to wait on. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

  private SocketClient(URI uri) {
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, this).join();
  }

  static SocketClient connect(String gatewayUrl, String token) {
    return open(gatewayUrl, token, null);
  }

  /** A socket to {@code baseUrl}'s {@code /ws}, recovering from the stream position {@code since} when not null. */
  static SocketClient open(String baseUrl, String token, String since) {
    String query = "?access_token=" + token
        + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
    return new SocketClient(URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws" + query));
  }

  /** A socket to another endpoint of {@code baseUrl} ({@code /ws/votes?emp_no=...}), with the token in the query. */
  static SocketClient at(String baseUrl, String pathAndQuery, String token) {
    return new SocketClient(URI.create(baseUrl.replaceFirst("^http", "ws") + pathAndQuery
        + (pathAndQuery.contains("?") ? "&" : "?") + "access_token=" + token));
  }

  /** The next frame matching the filter within the timeout (frames before it are consumed), or null. */
  JsonNode next(Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
      if (frame == null || filter.test(frame)) {
        return frame;
      }
    }
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Completes with the close code the server sent. */
  CompletableFuture<Integer> closeCode() {
    return closeCode;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(JSON.readTree(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
    socket.abort();
  }
}
