package com.pulse.gateway.limits;

/** One caller's budget of requests: starts full, refills continuously, never above capacity. */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long updatedAt;

  TokenBucket(LimitProperties.Rate rate, long now) {
    this.capacity = rate.capacity();
    this.perNano = rate.perSecond() / 1e9;
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one token: 0 when granted, otherwise the nanoseconds until one is available. */
  synchronized long take(long now) {
    tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
    updatedAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano);
  }
}
