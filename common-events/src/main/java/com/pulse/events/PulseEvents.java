package com.pulse.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds, writes and reads Pulse events: CloudEvents 1.0 in structured JSON mode, with these extension attributes.
 *
 * <ul>
 *   <li>{@code sequence} — the aggregate's version after the change (CloudEvents "sequence" extension). It is a
 *       string, zero-padded to {@value #SEQUENCE_DIGITS} digits so that, as that extension requires, lexicographic
 *       order is numeric order.
 *   <li>{@code traceparent} — W3C trace context of the command that caused the event (CloudEvents "distributed
 *       tracing" extension).
 *   <li>{@code audience} — the channels the event is for, comma-separated, each declared by the
 *       {@link ChannelCatalog}: the producer decides who is told ({@link Announcement}).
 *   <li>{@code priority} — how much it matters to them: {@link Priority} {@code LOW} to {@code CRITICAL}.
 *   <li>{@code title}, {@code summary} — optional: what an inbox entry or a toast shows, in the producer's words.
 * </ul>
 *
 * The data is always {@code application/json} described by {@link EventType#dataSchema()}.
 */
public final class PulseEvents {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";
  public static final String SEQUENCE = "sequence";
  public static final String TRACEPARENT = "traceparent";
  public static final String AUDIENCE = "audience";
  public static final String PRIORITY = "priority";
  public static final String TITLE = "title";
  public static final String SUMMARY = "summary";
  public static final int SEQUENCE_DIGITS = 19;

  private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final EventFormat FORMAT = new JsonFormat();

  private PulseEvents() {}

  /** Starts an event of the given type; {@link Draft#build()} checks that every required attribute is present. */
  public static Draft event(EventType type) {
    return new Draft(type);
  }

  /** The event as structured-mode JSON ({@code application/cloudevents+json}). */
  public static byte[] serialize(CloudEvent event) {
    return FORMAT.serialize(event);
  }

  /**
   * Reads structured-mode JSON.
   *
   * @throws IllegalArgumentException when the bytes are not a CloudEvent
   */
  public static CloudEvent deserialize(byte[] json) {
    try {
      return FORMAT.deserialize(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a structured CloudEvent: " + e.getMessage(), e);
    }
  }

  /** The aggregate version an event carries in its {@code sequence} extension. */
  public static long sequenceOf(CloudEvent event) {
    Object value = event.getExtension(SEQUENCE);
    if (value == null) {
      throw new IllegalArgumentException("event " + event.getId() + " has no sequence");
    }
    return Long.parseLong(value.toString());
  }

  public static String formatSequence(long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, got " + sequence);
    }
    return String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
  }

  /** A fresh, sampled W3C {@code traceparent} for events caused outside any trace. */
  public static String newTraceparent() {
    UUID trace = UUID.randomUUID();
    long span = UUID.randomUUID().getMostSignificantBits();
    return "00-%016x%016x-%016x-01".formatted(trace.getMostSignificantBits(), trace.getLeastSignificantBits(), span);
  }

  public static boolean isValidTraceparent(String value) {
    return value != null && TRACEPARENT_FORMAT.matcher(value).matches();
  }

  /** An event under construction. */
  public static final class Draft {
    private final EventType type;
    private UUID id = UUID.randomUUID();
    private URI source;
    private String subject;
    private Long sequence;
    private Instant time = Instant.now();
    private String traceparent;
    private byte[] data;
    private Announcement announcement;

    private Draft(EventType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    public Draft id(UUID id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** The producing context, e.g. {@code /pulse/ocs-service}. */
    public Draft source(URI source) {
      this.source = source;
      return this;
    }

    /** The aggregate id. */
    public Draft subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** The aggregate's version after the change; starts at 1. */
    public Draft sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    public Draft time(Instant time) {
      this.time = Objects.requireNonNull(time, "time");
      return this;
    }

    /** W3C trace context; a fresh one is generated when absent or malformed. */
    public Draft traceparent(String traceparent) {
      this.traceparent = traceparent;
      return this;
    }

    /** Who the event is for and how to tell them. */
    public Draft announce(Announcement announcement) {
      this.announcement = announcement;
      return this;
    }

    /** The payload, already serialized as a JSON object. */
    public Draft data(byte[] json) {
      this.data = json;
      return this;
    }

    public CloudEvent build() {
      require(source != null, "source");
      require(subject != null && !subject.isBlank(), "subject");
      require(sequence != null, "sequence");
      require(data != null && data.length > 0, "data");
      require(announcement != null && !announcement.audience().isEmpty(), "an audience");
      CloudEventBuilder builder = CloudEventBuilder.v1()
          .withId(id.toString())
          .withSource(source)
          .withType(type.type())
          .withSubject(subject)
          .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
          .withDataSchema(type.dataSchema())
          .withDataContentType(DATA_CONTENT_TYPE)
          .withExtension(SEQUENCE, formatSequence(sequence))
          .withExtension(TRACEPARENT, isValidTraceparent(traceparent) ? traceparent : newTraceparent())
          .withExtension(AUDIENCE, announcement.audienceText())
          .withExtension(PRIORITY, announcement.priority().name())
          .withData(DATA_CONTENT_TYPE, data);
      if (announcement.title() != null) {
        builder.withExtension(TITLE, announcement.title());
      }
      if (announcement.summary() != null) {
        builder.withExtension(SUMMARY, announcement.summary());
      }
      return builder.build();
    }

    private void require(boolean present, String attribute) {
      if (!present) {
        throw new IllegalStateException(type.type() + " event needs " + attribute);
      }
    }
  }
}
