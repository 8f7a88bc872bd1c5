package com.pulse.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Bucket4j token buckets by caller key, in memory (one gateway's view; several gateways each allow the full rate):
 * each starts full and refills continuously, never above capacity. Bounded: a bucket idle long enough to be full
 * again is dropped, and at most {@code MAX_CALLERS} are kept.
 */
final class RateLimiters {

  private static final int MAX_CALLERS = 100_000;

  private final LimitProperties.Rate rate;
  private final Cache<String, Bucket> buckets;

  RateLimiters(LimitProperties.Rate rate) {
    this.rate = rate;
    long refillSeconds = (long) Math.ceil(rate.capacity() / rate.perSecond()) + 1;
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS)
        .expireAfterAccess(Duration.ofSeconds(refillSeconds)).build();
  }

  /** 0 when {@code caller} may go on, otherwise the nanoseconds to wait. */
  long take(String caller) {
    ConsumptionProbe probe = buckets.get(caller, key -> bucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
  }

  /** A fractional rate (0.5/s) becomes whole tokens over a longer period (1 per 2 s), the same rate. */
  private Bucket bucket() {
    long tokens = Math.max(1, Math.round(rate.perSecond()));
    Duration period = Duration.ofNanos(Math.round(tokens * 1e9 / rate.perSecond()));
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(tokens, period))
        .build();
  }
}
