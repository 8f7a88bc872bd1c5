package com.pulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
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
 */
final class Receivers implements AutoCloseable {

  private static final String CODE_FIELD = "\"orderCode\":\"";
  private static final String TYPE_FIELD = "\"type\":\"ocs.order.";

  private final Map<String, Long> dueAt = new ConcurrentHashMap<>();
  private final Recorder latencies = new Recorder(3);
  private final AtomicLong delivered = new AtomicLong();
  private final List<WebSocket> sockets = new ArrayList<>();

  Receivers(String gatewayUrl, String token, int count) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CountDownLatch connected = new CountDownLatch(count);
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws?access_token=" + token);
      opening.add(client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(uri, new Listener(connected)));
    }
    opening.forEach(future -> sockets.add(future.join()));
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

  record Snapshot(org.HdrHistogram.Histogram latencyMicros, long delivered) {}

  @Override
  public void close() {
    sockets.forEach(WebSocket::abort);
  }

  private final class Listener implements WebSocket.Listener {
    private final CountDownLatch connected;
    private final StringBuilder partial = new StringBuilder();

    Listener(CountDownLatch connected) {
      this.connected = connected;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.contains("\"type\":\"connected\"")) {
          connected.countDown();
        } else {
          record(frame, now);
        }
      }
      socket.request(1);
      return null;
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
