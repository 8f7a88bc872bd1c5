package com.pulse.events;

/**
 * Kafka record headers Pulse producers set beside the structured-mode CloudEvent in the record value.
 *
 * <p>The value is the whole event ({@code application/cloudevents+json}), as the CloudEvents Kafka binding's
 * structured mode defines; the id and type are repeated as headers so a consumer can deduplicate or filter without
 * parsing the value.
 */
public final class EventHeaders {

  /** Structured-mode content type, as the CloudEvents Kafka protocol binding names it. */
  public static final String CONTENT_TYPE = "content-type";

  public static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";

  /** The event id: the consumer's deduplication key. */
  public static final String ID = "pulse_id";

  /** The event type, for filtering without parsing. */
  public static final String TYPE = "pulse_type";

  /** W3C trace context of the command that caused the event. */
  public static final String TRACEPARENT = "traceparent";

  private EventHeaders() {}
}
