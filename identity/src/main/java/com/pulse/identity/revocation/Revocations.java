package com.pulse.identity.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The ids ({@code sid} of a sign-in, {@code jti} of a single token) revoked and not yet forgettable, each kept until
 * every token it names has expired anyway. Not bounded by size, on purpose: forgetting an entry early would bring a
 * revoked token back; it holds at most the sign-outs of one token lifetime, and expired entries are dropped as the
 * set is used. Listeners hear of each new revocation (notification-service closes the sockets it names).
 */
public final class Revocations {

  /** Drop expired entries once every this many revocations. */
  private static final int PURGE_EVERY = 256;

  private final Map<String, Instant> until = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private int sincePurge;

  public Revocations(Clock clock) {
    this.clock = clock;
  }

  public Revocations() {
    this(Clock.systemUTC());
  }

  /** Revokes {@code id} until {@code forgetAfter}; a time already past changes nothing. */
  public void revoke(String id, Instant forgetAfter) {
    if (id == null || id.isBlank() || forgetAfter == null || !forgetAfter.isAfter(clock.instant())) {
      return;
    }
    Instant previous = until.put(id, forgetAfter);
    if (previous != null && previous.isAfter(forgetAfter)) {
      until.put(id, previous);
    }
    purgeNowAndThen();
    if (previous == null) {
      listeners.forEach(listener -> listener.accept(id));
    }
  }

  /** True when any of {@code ids} (null ones ignored) is revoked. */
  public boolean isRevoked(String... ids) {
    Instant now = clock.instant();
    for (String id : ids) {
      Instant forgetAfter = id == null ? null : until.get(id);
      if (forgetAfter != null && forgetAfter.isAfter(now)) {
        return true;
      }
    }
    return false;
  }

  /** Called with each newly revoked id, on the thread that learnt of it. */
  public void onRevoked(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Entries not yet forgettable. */
  public int size() {
    dropExpired();
    return until.size();
  }

  public void dropExpired() {
    Instant now = clock.instant();
    until.values().removeIf(forgetAfter -> !forgetAfter.isAfter(now));
  }

  private synchronized void purgeNowAndThen() {
    if (++sincePurge >= PURGE_EVERY) {
      sincePurge = 0;
      dropExpired();
    }
  }
}
