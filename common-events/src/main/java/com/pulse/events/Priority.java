package com.pulse.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * How much a notification matters, lowest first: the producer states it in the event's {@code priority} extension
 * and users set a minimum below which they are not told. Each domain maps its own urgency onto this scale (an OCS
 * STAT order is CRITICAL, an SPC alert of priority 5 is CRITICAL); the delivery core only compares.
 */
public enum Priority {
  LOW(1),
  NORMAL(2),
  HIGH(3),
  CRITICAL(4);

  private final int rank;

  Priority(int rank) {
    this.rank = rank;
  }

  /** 1 (LOW) to 4 (CRITICAL): what a store keeps, so "at least" is one comparison. */
  public int rank() {
    return rank;
  }

  public boolean atLeast(Priority other) {
    return rank >= other.rank;
  }

  public static Priority ofRank(int rank) {
    return Arrays.stream(values()).filter(p -> p.rank == rank).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no priority of rank " + rank));
  }

  /** The priority of that exact name ({@code HIGH}), or empty. */
  public static Optional<Priority> named(String name) {
    return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
  }
}
