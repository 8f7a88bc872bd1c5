package com.pulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing: after {@link #FREE_USER_FAILURES} failed sign-ins for one username, or
 * {@link #FREE_IP_FAILURES} from one IP, further attempts are refused (429) for 2 s, then 4 s, 8 s... up to 5
 * minutes, before the password is even checked. Failures are forgotten 15 minutes after the last one, and a
 * username's on a successful sign-in. In memory and bounded.
 */
final class LoginThrottle {

  static final int FREE_USER_FAILURES = 5;
  static final int FREE_IP_FAILURES = 30;
  private static final Duration MAX_BLOCK = Duration.ofMinutes(5);
  private static final Duration MEMORY = Duration.ofMinutes(15);

  private final Clock clock;
  private final Cache<String, Failures> failures = Caffeine.newBuilder().maximumSize(100_000)
      .expireAfterWrite(MEMORY).build();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds to wait before {@code username} may try again from {@code ip}; 0 when it may try now. */
  long secondsToWait(String username, String ip) {
    Instant now = clock.instant();
    return Math.max(wait(userKey(username), now), wait(ipKey(ip), now));
  }

  void failed(String username, String ip) {
    Instant now = clock.instant();
    record(userKey(username), FREE_USER_FAILURES, now);
    record(ipKey(ip), FREE_IP_FAILURES, now);
  }

  void succeeded(String username) {
    failures.invalidate(userKey(username));
  }

  private long wait(String key, Instant now) {
    Failures recorded = failures.getIfPresent(key);
    if (recorded == null || !recorded.blockedUntil().isAfter(now)) {
      return 0;
    }
    return Math.max(1, Duration.between(now, recorded.blockedUntil()).toSeconds() + 1);
  }

  private void record(String key, int free, Instant now) {
    failures.asMap().compute(key, (k, previous) -> {
      int count = previous == null ? 1 : previous.count() + 1;
      if (count < free) {
        return new Failures(count, Instant.MIN);
      }
      long seconds = 1L << Math.min(count - free + 1, 20);
      Duration block = Duration.ofSeconds(Math.min(seconds, MAX_BLOCK.toSeconds()));
      return new Failures(count, now.plus(block));
    });
  }

  private static String userKey(String username) {
    return "user:" + username;
  }

  private static String ipKey(String ip) {
    return "ip:" + ip;
  }

  private record Failures(int count, Instant blockedUntil) {
  }
}
