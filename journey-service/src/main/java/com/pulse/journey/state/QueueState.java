package com.pulse.journey.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where one queue entry (one patient in one exam's line) is, as seed 004's {@code QueueDetailState} names it: lower
 * case on the wire. Declared in the seed's order, which is the order of the published {@code queue_states}.
 */
public enum QueueState {
  WAITING("waiting"),
  DELAYED("delayed"),
  CALLED("called"),
  NO_SHOW("no_show"),
  IN_PROGRESS("in_progress"),
  COMPLETED("completed"),
  CANCELLED("cancelled");

  private final String wireName;

  QueueState(String wireName) {
    this.wireName = wireName;
  }

  /** As the seed writes it, e.g. {@code no_show}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Whether the entry still holds the patient in the exam: waiting in line (also delayed or after a first no-show),
   * called, or being examined. A patient has at most one active entry, and the journey state follows it; completed
   * and cancelled entries are history. (The seed's own lists of "active" states disagree with each other; see
   * STATE-MODEL.md.)
   */
  public boolean isActive() {
    return this != COMPLETED && this != CANCELLED;
  }

  /** The state with this exact wire name; empty for anything else (the seed's old {@code ongoing} included). */
  public static Optional<QueueState> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }
}
