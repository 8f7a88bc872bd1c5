package com.pulse.notification.stream;

import com.pulse.events.PulseEvents;
import com.pulse.events.Priority;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads what delivery needs from a structured-mode CloudEvent in one streaming pass, without building a tree:
 * {@code id}, {@code type}, {@code subject}, {@code time} and the announcement extensions ({@code audience},
 * {@code priority}, {@code title}, {@code summary}, {@code traceparent}). The payload is skipped unread. The pass covers the whole
 * document, so a record that reads here is well-formed JSON and its bytes can be embedded in a frame as they are.
 * Used by the live intake and the inbox alike, so both read an event the same way.
 */
public final class EnvelopeReader {

  private final JsonFactory json = new JsonFactory();

  /**
   * @param fallbackTime used when the event has no (readable) {@code time}: the Kafka record timestamp
   * @throws IllegalArgumentException when the bytes are not one JSON object with a string {@code id} and {@code type}
   */
  public StreamEvent read(Position position, byte[] value, Instant fallbackTime) {
    String id = null;
    String type = null;
    String subject = null;
    String time = null;
    String audience = null;
    String priority = null;
    String title = null;
    String summary = null;
    String traceparent = null;
    try (JsonParser parser = json.createParser(value)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (name) {
          case "id" -> id = text(parser, token);
          case "type" -> type = text(parser, token);
          case "subject" -> subject = text(parser, token);
          case "time" -> time = text(parser, token);
          case PulseEvents.AUDIENCE -> audience = text(parser, token);
          case PulseEvents.PRIORITY -> priority = text(parser, token);
          case PulseEvents.TITLE -> title = text(parser, token);
          case PulseEvents.SUMMARY -> summary = text(parser, token);
          case PulseEvents.TRACEPARENT -> traceparent = text(parser, token);
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("content after the event object");
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (id == null || type == null) {
      throw new IllegalArgumentException("no string 'id' and 'type'");
    }
    return new StreamEvent(position, value, id, type, subject, instant(time, fallbackTime), channels(audience),
        Priority.named(priority).orElse(Priority.NORMAL), title, summary, traceparent);
  }

  private static String text(JsonParser parser, JsonToken token) {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getString();
    }
    parser.skipChildren();
    return null;
  }

  private static List<String> channels(String audience) {
    return audience == null || audience.isEmpty() ? List.of()
        : List.of(audience.split(",")).stream().filter(channel -> !channel.isEmpty()).distinct().toList();
  }

  private static Instant instant(String time, Instant fallback) {
    if (time != null) {
      try {
        return OffsetDateTime.parse(time).toInstant();
      } catch (DateTimeParseException e) {
        // an unreadable time only costs the lag metric its precision: fall back to the broker's timestamp
      }
    }
    return fallback;
  }
}
