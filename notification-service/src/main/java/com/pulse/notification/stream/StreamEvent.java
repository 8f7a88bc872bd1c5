package com.pulse.notification.stream;

import com.pulse.events.Priority;
import java.time.Instant;
import java.util.List;

/**
 * One event as read from Kafka: its raw bytes (the structured-mode CloudEvent JSON exactly as the producer wrote it,
 * to be embedded in frames without re-serializing) and the envelope attributes delivery needs, parsed once. Nothing
 * of the payload is read: who is told, how urgently and in what words is what the producer put in the envelope.
 *
 * @param position where the event sits in Kafka; the same on every instance
 * @param json the record value, never modified (shared by every frame built from it)
 * @param id the CloudEvents {@code id}, the dedupe key
 * @param type the CloudEvents {@code type}, e.g. {@code ocs.order.created}
 * @param subject the aggregate id, or null
 * @param time the CloudEvents {@code time}, or the Kafka record timestamp when the event has none
 * @param audience the channels of the {@code audience} extension, as written (not yet checked against the catalog)
 * @param priority the {@code priority} extension; NORMAL when absent or unreadable
 * @param title the {@code title} extension, or null
 * @param summary the {@code summary} extension, or null
 * @param traceparent the {@code traceparent} extension (W3C trace context of the command that caused the event), or
 *     null; delivery continues that trace ({@link DeliveryTracing})
 */
public record StreamEvent(Position position, byte[] json, String id, String type, String subject, Instant time,
    List<String> audience, Priority priority, String title, String summary, String traceparent) {

  public StreamEvent {
    audience = List.copyOf(audience);
  }

  /** An event without trace context. */
  public StreamEvent(Position position, byte[] json, String id, String type, String subject, Instant time,
      List<String> audience, Priority priority, String title, String summary) {
    this(position, json, id, type, subject, time, audience, priority, title, summary, null);
  }

  @Override
  public String toString() {
    return type + " " + id + " @" + position;
  }
}
