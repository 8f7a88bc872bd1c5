package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) that keeps every text frame it receives, in order, raw and parsed. Waiting is
 * always on a queue with a timeout.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<String> arriving = new LinkedBlockingQueue<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private volatile String closeReason;
  private final WebSocket socket;

  private SocketClient(URI uri, String authorization) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    socket = builder.buildAsync(uri, this).orTimeout(15, TimeUnit.SECONDS).join();
  }

  /** Connects with the token as the {@code access_token} query parameter, as browsers do. */
  static SocketClient connect(int port, String token) {
    return new SocketClient(uri(port, token), null);
  }

  /** Connects with the token and more query parameters ({@code &since=...}). */
  static SocketClient connectWithQuery(int port, String token, String query) {
    return new SocketClient(URI.create(uri(port, token) + query), null);
  }

  /** Connects to any endpoint ({@code /ws/ocs}...), with an {@code Authorization} header unless it is null. */
  static SocketClient connect(URI uri, String authorization) {
    return new SocketClient(uri, authorization);
  }

  static SocketClient connectWithHeader(int port, String authorization) {
    return new SocketClient(uri(port, null), authorization);
  }

  /** Connects and waits for the {@code connected} frame. */
  static SocketClient connected(int port, String token) throws InterruptedException {
    SocketClient client = connect(port, token);
    assertThat(client.next().path("type").asString()).isEqualTo("connected");
    return client;
  }

  static URI uri(int port, String token) {
    return URI.create("ws://127.0.0.1:" + port + "/ws" + (token == null ? "" : "?access_token=" + token));
  }

  /** The HTTP status a refused handshake got. */
  static int refusedWith(URI uri) {
    try {
      HTTP.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {}).orTimeout(15, TimeUnit.SECONDS).join()
          .abort();
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
    throw new AssertionError("the handshake to " + uri + " was accepted");
  }

  /** The next frame, parsed; fails when none arrives in time. */
  JsonNode next() throws InterruptedException {
    String frame = arriving.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(frame).as("a frame within " + WAIT).isNotNull();
    return JSON.readTree(frame);
  }

  /** The next frame, or null when the socket closes (or nothing arrives) within a second. */
  JsonNode nextOrNull() throws InterruptedException {
    String frame = arriving.poll(1, TimeUnit.SECONDS);
    return frame == null ? null : JSON.readTree(frame);
  }

  /** The next frame matching the filter (earlier ones are passed over); fails when none arrives in time. */
  JsonNode next(Predicate<JsonNode> filter) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String frame = left > 0 ? arriving.poll(left, TimeUnit.NANOSECONDS) : null;
      assertThat(frame).as("a matching frame within " + WAIT).isNotNull();
      JsonNode parsed = JSON.readTree(frame);
      if (filter.test(parsed)) {
        return parsed;
      }
    }
  }

  /**
   * Sends {@code ping} and waits for its {@code pong}. Frames are sent in queue order, so everything the server had
   * queued for this connection before the ping is in {@link #received()} when this returns.
   */
  void sync() throws InterruptedException {
    String ref = UUID.randomUUID().toString();
    send("{\"type\":\"ping\",\"ref\":\"" + ref + "\"}");
    next(frame -> frame.path("type").asString().equals("pong") && frame.path("ref").asString().equals(ref));
  }

  /** Every text frame received so far, raw, in order. */
  List<String> received() {
    return List.copyOf(received);
  }

  void send(String text) {
    socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
  }

  void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** The close code the server sent; fails when the socket is still open after the wait. */
  int closeCode() {
    return closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      partial.setLength(0);
      received.add(frame);
      arriving.add(frame);
    }
    webSocket.request(1);
    return null;
  }

  /** The reason of the server's close frame (after {@link #closeCode()}). */
  String closeReason() {
    closeCode();
    return closeReason;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.completeExceptionally(error);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
