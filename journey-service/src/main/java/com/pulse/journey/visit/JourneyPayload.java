package com.pulse.journey.visit;

import java.util.Map;

/** Reads an action's {@code payload}: each value checked, a bad one named as {@code payload.<key>} (400). */
final class JourneyPayload {

  /** Ids in this service are short: exam ids, room ids, tag ids. */
  static final int MAX_ID_LENGTH = 64;

  private JourneyPayload() {}

  /** A short non-blank text, or null when absent and not required. */
  static String text(Map<String, Object> payload, String key, boolean required) {
    Object value = payload == null ? null : payload.get(key);
    if (value == null) {
      if (required) {
        throw JourneyProblems.invalid("payload." + key, "is required");
      }
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_ID_LENGTH) {
      throw JourneyProblems.invalid("payload." + key, "must be a non-blank string of at most " + MAX_ID_LENGTH
          + " characters");
    }
    return text;
  }
}
