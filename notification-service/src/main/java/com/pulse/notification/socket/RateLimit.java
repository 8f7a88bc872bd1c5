package com.pulse.notification.socket;

import java.util.function.LongSupplier;

/**
 * A token bucket for one connection's client frames: {@code perSecond} on average, {@code burst} at once. A frame
 * over the limit is refused (the client gets {@code RATE_LIMITED}); a client that keeps going — {@code burst} refused
 * frames before the bucket refills one — is flooding and gets closed. Used on the connection's inbound thread only.
 */
final class RateLimit {

  enum Verdict { ALLOWED, REFUSED, FLOOD }

  private final double perNano;
  private final int burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long refilledAt;
  private int refusedInARow;

  RateLimit(int perSecond, int burst, LongSupplier nanoClock) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.refilledAt = nanoClock.getAsLong();
  }

  Verdict take() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      refusedInARow = 0;
      return Verdict.ALLOWED;
    }
    return ++refusedInARow > burst ? Verdict.FLOOD : Verdict.REFUSED;
  }
}
