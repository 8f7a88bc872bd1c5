package com.pulse.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The schedule of an open-loop load: command {@code i} is due at a fixed time from the start, whether or not the
 * earlier ones were answered, so a slow answer delays no later command and latency is measured from when a command
 * was due (no coordinated omission).
 */
public final class OpenLoop {

  private final long start = System.nanoTime() + 20_000_000;
  private final long interval;
  private final long total;

  public OpenLoop(int rate, Duration duration) {
    this.interval = 1_000_000_000L / rate;
    this.total = rate * duration.toSeconds();
  }

  /** Nanoseconds since command 0 was due: the run's length so far. */
  public long elapsed() {
    return System.nanoTime() - start;
  }

  /** How many commands the run sends. */
  public long total() {
    return total;
  }

  /** Waits until command {@code i} is due (not at all when it is late); answers its due time in nanoseconds. */
  public long awaitDue(long i) {
    long due = start + i * interval;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
    return due;
  }
}
