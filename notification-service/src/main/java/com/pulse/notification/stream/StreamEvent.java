package com.pulse.notification.stream;

import java.time.Instant;
import java.util.Map;

/**
 * One event as read from Kafka: its raw bytes (the structured-mode CloudEvent JSON exactly as the producer wrote it,
 * to be embedded in frames without re-serializing) and the few attributes routing needs, parsed once.
 *
 * @param position where the event sits in Kafka; the same on every instance
 * @param json the record value, never modified (shared by every frame built from it)
 * @param id the CloudEvents {@code id}, the dedupe key
 * @param type the CloudEvents {@code type}, e.g. {@code ocs.order.created}
 * @param subject the aggregate id, or null
 * @param time the CloudEvents {@code time}, or the Kafka record timestamp when the event has none
 * @param data the top-level scalar members of {@code data} as text (nested objects and arrays left out)
 */
public record StreamEvent(Position position, byte[] json, String id, String type, String subject, Instant time,
    Map<String, String> data) {

  /** A top-level scalar of the payload as text, or null when absent, null or not a scalar. */
  public String data(String field) {
    return data.get(field);
  }

  @Override
  public String toString() {
    return type + " " + id + " @" + position;
  }
}
