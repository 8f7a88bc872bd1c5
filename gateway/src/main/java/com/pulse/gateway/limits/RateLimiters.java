package com.pulse.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Token buckets by caller key, in memory (one gateway's view; several gateways each allow the full rate). Bounded:
 * a bucket idle long enough to be full again is dropped, and at most {@code MAX_CALLERS} are kept.
 */
final class RateLimiters {

  private static final int MAX_CALLERS = 100_000;

  private final LimitProperties.Rate rate;
  private final Cache<String, TokenBucket> buckets;

  RateLimiters(LimitProperties.Rate rate) {
    this.rate = rate;
    long refillSeconds = (long) Math.ceil(rate.capacity() / rate.perSecond()) + 1;
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS)
        .expireAfterAccess(Duration.ofSeconds(refillSeconds)).build();
  }

  /** 0 when {@code caller} may go on, otherwise the nanoseconds to wait. */
  long take(String caller) {
    long now = System.nanoTime();
    return buckets.get(caller, key -> new TokenBucket(rate, now)).take(now);
  }
}
