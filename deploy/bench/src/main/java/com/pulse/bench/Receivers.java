package com.pulse.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * WebSocket clients that time every order event they receive against the moment its POST was due. Frames are
 * matched by the order code the driver chose, read straight from the text so the clients stay cheap.
 *
 * <p>A socket the server closes as a slow consumer (4008) connects again from the last position it saw, as
 * {@code @pulse/client} does, so the events it missed are recovered (and timed, late) instead of counted as lost for
 * every later run.
 */
final class Receivers implements AutoCloseable {

  private static final String CODE_FIELD = "\"orderCode\":\"";
  private static final String TYPE_FIELD = "\"type\":\"ocs.order.";
  private static final String POSITION_FIELD = "\"position\":\"";
  /** The server's close code for a connection whose send queue overflowed (PROTOCOL.md). */
  static final int SLOW_CONSUMER = 4008;

  private final Map<String, Long> dueAt = new ConcurrentHashMap<>();
  private final Recorder latencies = new Recorder(3);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final List<WebSocket> sockets = new ArrayList<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String socketUrl;
  private volatile boolean closing;

  Receivers(String gatewayUrl, String token, int count) throws InterruptedException {
    socketUrl = gatewayUrl.replaceFirst("^http", "ws") + "/ws?access_token=" + token;
    CountDownLatch connected = new CountDownLatch(count);
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      opening.add(connect(URI.create(socketUrl), new Listener(i, connected)));
    }
    synchronized (sockets) {
      opening.forEach(future -> sockets.add(future.join()));
    }
    if (!connected.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("sockets did not all receive their 'connected' frame");
    }
  }

  /** Called by the driver just before it sends: from now on, a frame of this type for this code counts. */
  void expect(String orderCode, String eventType, long dueNanos) {
    dueAt.put(key(orderCode, eventType), dueNanos);
  }

  private static String key(String orderCode, String eventType) {
    return eventType + ' ' + orderCode;
  }

  /** Latencies and deliveries since the last call; forgets the codes it was told about. */
  Snapshot take() {
    dueAt.clear();
    return new Snapshot(latencies.getIntervalHistogram(), delivered.getAndSet(0));
  }

  long delivered() {
    return delivered.get();
  }

  /** How many times a socket closed as a slow consumer connected again. */
  long reconnects() {
    return reconnects.get();
  }

  private CompletableFuture<WebSocket> connect(URI uri, Listener listener) {
    return client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, listener);
  }

  record Snapshot(org.HdrHistogram.Histogram latencyMicros, long delivered) {}

  @Override
  public void close() {
    closing = true;
    synchronized (sockets) {
      sockets.forEach(WebSocket::abort);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final int index;
    private final CountDownLatch connected;
    private final StringBuilder partial = new StringBuilder();
    /** The last stream position a frame carried: where a new connection resumes. */
    private volatile String position;

    Listener(int index, CountDownLatch connected) {
      this.index = index;
      this.connected = connected;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      if (status == SLOW_CONSUMER && !closing) {
        String since = position;
        System.out.printf("socket %d closed %d (%s); connecting again from %s%n", index, status, reason, since);
        partial.setLength(0);
        URI uri = URI.create(socketUrl
            + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
        connect(uri, this).whenComplete((again, failure) -> {
          if (failure != null) {
            System.out.printf("socket %d could not connect again: %s%n", index, failure);
            return;
          }
          reconnects.incrementAndGet();
          synchronized (sockets) {
            sockets.set(index, again);
          }
        });
      }
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        remember(frame);
        if (frame.contains("\"type\":\"connected\"")) {
          connected.countDown();
        } else {
          record(frame, now);
        }
      }
      socket.request(1);
      return null;
    }

    /** The frame's own position comes before its event's fields, so the first one found is the frame's. */
    private void remember(String frame) {
      int start = frame.indexOf(POSITION_FIELD);
      if (start >= 0) {
        start += POSITION_FIELD.length();
        position = frame.substring(start, frame.indexOf('"', start));
      }
    }

    private void record(String frame, long now) {
      int start = frame.indexOf(CODE_FIELD);
      if (start < 0) {
        return;
      }
      start += CODE_FIELD.length();
      int type = frame.indexOf(TYPE_FIELD);
      if (type < 0) {
        return;
      }
      type += "\"type\":\"".length();
      Long due = dueAt.get(key(frame.substring(start, frame.indexOf('"', start)),
          frame.substring(type, frame.indexOf('"', type))));
      if (due != null) {
        latencies.recordValue(Math.max(0, (now - due) / 1000));
        delivered.incrementAndGet();
      }
    }
  }
}
