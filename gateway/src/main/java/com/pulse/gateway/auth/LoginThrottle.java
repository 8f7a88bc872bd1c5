package com.pulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Slows password guessing down without locking anybody out: after {@link #FREE_FAILURES} failed sign-ins for one
 * username from one address, or {@link #FREE_ADDRESS_FAILURES} (configurable) from one address for any usernames, each further
 * attempt from there waits before its password is checked: 1 s, then 2 s, 4 s... up to {@link #MAX_DELAY}. The right
 * password still signs in (after the wait), and someone typing a user's name elsewhere does not slow that user down.
 * Failures are forgotten 15 minutes after the last one, and a username's from an address on a successful sign-in
 * from there. In memory and bounded.
 */
final class LoginThrottle {

  static final int FREE_FAILURES = 5;
  static final int FREE_ADDRESS_FAILURES = 30;
  static final Duration MAX_DELAY = Duration.ofSeconds(8);
  private static final Duration MEMORY = Duration.ofMinutes(15);

  private final int freeAddressFailures;
  private final Cache<String, Integer> failures = Caffeine.newBuilder().maximumSize(100_000)
      .expireAfterWrite(MEMORY).build();

  LoginThrottle() {
    this(FREE_ADDRESS_FAILURES);
  }

  /** @param freeAddressFailures failures from one address, any usernames, before its attempts wait */
  LoginThrottle(int freeAddressFailures) {
    this.freeAddressFailures = freeAddressFailures;
  }

  /** How long an attempt for {@code username} from {@code address} waits before its password is checked. */
  Duration delay(String username, String address) {
    Duration pair = delay(failures.getIfPresent(pairKey(username, address)), FREE_FAILURES);
    Duration fromAddress = delay(failures.getIfPresent(addressKey(address)), freeAddressFailures);
    return pair.compareTo(fromAddress) >= 0 ? pair : fromAddress;
  }

  void failed(String username, String address) {
    failures.asMap().merge(pairKey(username, address), 1, Integer::sum);
    failures.asMap().merge(addressKey(address), 1, Integer::sum);
  }

  void succeeded(String username, String address) {
    failures.invalidate(pairKey(username, address));
  }

  private static Duration delay(Integer count, int free) {
    if (count == null || count < free) {
      return Duration.ZERO;
    }
    long seconds = 1L << Math.min(count - free, 10);
    return seconds >= MAX_DELAY.toSeconds() ? MAX_DELAY : Duration.ofSeconds(seconds);
  }

  private static String pairKey(String username, String address) {
    return "user:" + address + ":" + username;
  }

  private static String addressKey(String address) {
    return "ip:" + address;
  }
}
