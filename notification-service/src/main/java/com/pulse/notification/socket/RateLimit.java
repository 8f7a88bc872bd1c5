package com.pulse.notification.socket;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The budget of one connection's client frames, two Bucket4j token buckets. Frames: {@code burst} at once, refilled at
 * {@code perSecond}; a frame over it is refused, and the client is told so ({@code RATE_LIMITED}) once per run of
 * refused frames, not once per frame, so a flood cannot make the server flood back. Refusals: as many again; a client
 * that runs through them — more than {@code burst} refused frames faster than {@code perSecond} come back — is
 * flooding and gets closed (4029), however its frames are spaced. Used on the connection's inbound thread only, and
 * made on the first frame a client sends: an idle connection costs nothing here.
 */
final class RateLimit {

  enum Verdict {
    ALLOWED,
    /** Over the limit, and the first frame of a run: ignored, tell the client. */
    REFUSED,
    /** Over the limit again: ignored silently (the client was told). */
    IGNORED,
    FLOOD
  }

  private final Bucket frames;
  private final Bucket refusals;
  private boolean refusing;

  RateLimit(int perSecond, int burst, LongSupplier nanoClock) {
    TimeMeter clock = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanoClock.getAsLong();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
    this.frames = bucket(perSecond, burst, clock);
    this.refusals = bucket(perSecond, burst, clock);
  }

  private static Bucket bucket(int perSecond, int burst, TimeMeter clock) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(clock)
        .build();
  }

  Verdict take() {
    if (frames.tryConsume(1)) {
      refusing = false;
      return Verdict.ALLOWED;
    }
    if (!refusals.tryConsume(1)) {
      return Verdict.FLOOD;
    }
    boolean first = !refusing;
    refusing = true;
    return first ? Verdict.REFUSED : Verdict.IGNORED;
  }
}
