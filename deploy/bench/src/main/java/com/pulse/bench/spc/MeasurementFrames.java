package com.pulse.bench.spc;

import com.pulse.bench.FrameSockets;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Quality screens on {@code /ws} through the gateway, subscribed to one product's channel: every value's
 * {@code spc.measurement.recorded} frame is timed from the moment its POST was due. Values are unique within a run,
 * so a frame is matched by its value (read straight from the text, to keep the clients cheap); the out-of-control
 * ones (the frames that also go to {@code spc:alerts}) are timed separately too.
 */
final class MeasurementFrames implements AutoCloseable {

  private static final String TYPE = "\"type\":\"spc.measurement.recorded\"";
  private static final String VALUE = "\"value\":";

  private final Map<Long, Long> dueAt = new ConcurrentHashMap<>();
  private final Recorder all = new Recorder(3);
  private final Recorder outOfControl = new Recorder(3);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong alertsDelivered = new AtomicLong();
  private final CountDownLatch subscribed;
  private final FrameSockets sockets;

  MeasurementFrames(String socketUrl, String token, int count, long productId) throws InterruptedException {
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      uris.add(URI.create(socketUrl + "/ws?access_token=" + token));
    }
    subscribed = new CountDownLatch(count);
    sockets = FrameSockets.open(uris, this::frame);
    for (int i = 0; i < count; i++) {
      sockets.send(i, "{\"type\":\"subscribe\",\"channel\":\"spc:product:" + productId + "\"}");
    }
    if (!subscribed.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not every socket subscribed to spc:product:" + productId);
    }
  }

  /**
   * Registers a value about to be sent; returns the value actually to send — nudged to the next double if an
   * earlier value of the run was the same, so each frame names one POST.
   */
  double expect(double value, long dueNanos) {
    double unique = value;
    while (dueAt.putIfAbsent(Double.doubleToLongBits(unique), dueNanos) != null) {
      unique = Math.nextUp(unique);
    }
    return unique;
  }

  long delivered() {
    return delivered.get();
  }

  /** Latencies and deliveries since the last call; forgets the values it was told about. */
  Snapshot take() {
    dueAt.clear();
    return new Snapshot(all.getIntervalHistogram(), outOfControl.getIntervalHistogram(), delivered.getAndSet(0),
        alertsDelivered.getAndSet(0));
  }

  record Snapshot(Histogram allMicros, Histogram outOfControlMicros, long delivered, long outOfControlDelivered) {}

  private void frame(int socket, String text, long now) {
    if (text.startsWith("{\"type\":\"subscribed\"")) {
      subscribed.countDown();
      return;
    }
    if (!text.contains(TYPE)) {
      return;
    }
    Double value = valueOf(text);
    Long due = value == null ? null : dueAt.get(Double.doubleToLongBits(value));
    if (due == null) {
      return;
    }
    long micros = Math.max(0, (now - due) / 1000);
    all.recordValue(micros);
    delivered.incrementAndGet();
    if (text.contains("\"withinControl\":false")) {
      outOfControl.recordValue(micros);
      alertsDelivered.incrementAndGet();
    }
  }

  /** The number after the event data's {@code "value":}; null when absent. */
  static Double valueOf(String frame) {
    int start = frame.indexOf(VALUE);
    if (start < 0) {
      return null;
    }
    start += VALUE.length();
    int end = start;
    while (end < frame.length() && "-+.0123456789eE".indexOf(frame.charAt(end)) >= 0) {
      end++;
    }
    try {
      return Double.parseDouble(frame.substring(start, end));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public void close() {
    sockets.close();
  }
}
