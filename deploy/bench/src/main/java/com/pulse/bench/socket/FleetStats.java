package com.pulse.bench.socket;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one client process saw, shared by all its connections (written from every event-loop thread): event
 * latencies (send → frame read), for each benchmark event when its last copy arrived, handshake and recovery times.
 * Histograms travel to the coordinator encoded, so the coordinator merges exact distributions, not percentiles.
 */
final class FleetStats {

  final Recorder eventLatencyMicros = new Recorder(3);
  final Recorder handshakeMicros = new Recorder(3);
  /** From the moment a connection was lost to the moment every channel was resubscribed. */
  final Recorder recoveryMillis = new Recorder(3);
  final AtomicLong frames = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong recovered = new AtomicLong();
  final AtomicLong notRecovered = new AtomicLong();
  final AtomicLong reconnects = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final Map<Integer, AtomicLong> closeCodes = new ConcurrentHashMap<>();
  /** Per benchmark event: copies received and the latest arrival (System.nanoTime). */
  final ConcurrentSkipListMap<Long, Arrivals> arrivals = new ConcurrentSkipListMap<>();
  /** The latest moment a recovery completed (System.nanoTime), to time "all recovered". */
  final LongAccumulator lastRecoveredAt = new LongAccumulator(Math::max, 0);

  void event(long sequence, long sentNanos, long now) {
    events.incrementAndGet();
    eventLatencyMicros.recordValue(Math.max(0, (now - sentNanos) / 1000));
    arrivals.computeIfAbsent(sequence, key -> new Arrivals()).arrived(now);
  }

  void closed(int code) {
    closeCodes.computeIfAbsent(code, key -> new AtomicLong()).incrementAndGet();
  }

  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String text) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }

  static final class Arrivals {
    final AtomicLong count = new AtomicLong();
    final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);

    void arrived(long now) {
      count.incrementAndGet();
      last.accumulate(now);
    }
  }
}
