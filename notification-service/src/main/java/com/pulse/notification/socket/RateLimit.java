package com.pulse.notification.socket;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The budget of one connection's client frames: a Bucket4j token bucket of {@code burst} frames refilled at
 * {@code perSecond}. A frame over it is refused (the client gets {@code RATE_LIMITED}); a client that keeps going —
 * {@code burst} refused frames in a row — is flooding and gets closed. Used on the connection's inbound thread only,
 * and made on the first frame a client sends: an idle connection costs nothing here.
 */
final class RateLimit {

  enum Verdict { ALLOWED, REFUSED, FLOOD }

  private final Bucket bucket;
  private final int burst;
  private int refusedInARow;

  RateLimit(int perSecond, int burst, LongSupplier nanoClock) {
    this.burst = burst;
    this.bucket = Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return nanoClock.getAsLong();
          }

          @Override
          public boolean isWallClockBased() {
            return false;
          }
        })
        .build();
  }

  Verdict take() {
    if (bucket.tryConsume(1)) {
      refusedInARow = 0;
      return Verdict.ALLOWED;
    }
    return ++refusedInARow > burst ? Verdict.FLOOD : Verdict.REFUSED;
  }
}
