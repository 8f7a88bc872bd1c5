package com.pulse.journey.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a patient is in today's visit, as seed 004's {@code PatientJourneyState} names it (upper case on the wire).
 * Declared in the seed's order, which is the order of the published {@code journey_states}.
 */
public enum JourneyState {
  UNREGISTERED,
  ARRIVED,
  REGISTERED,
  WAITING,
  CALLED,
  IN_PROGRESS,
  COMPLETED,
  PAYMENT,
  FINISHED;

  /** As the seed writes it, e.g. {@code IN_PROGRESS}; the same as {@link #name()}. */
  public String wireName() {
    return name();
  }

  /** The state with this exact wire name; empty for anything else (the seed's old {@code ONGOING} included). */
  public static Optional<JourneyState> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
  }
}
