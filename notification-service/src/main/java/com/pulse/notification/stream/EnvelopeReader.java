package com.pulse.notification.stream;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads what routing needs from a structured-mode CloudEvent in one streaming pass, without building a tree:
 * {@code id}, {@code type}, {@code subject}, {@code time} and the top-level scalars of {@code data}. The pass covers
 * the whole document, so a record that reads here is well-formed JSON and its bytes can be embedded in a frame as
 * they are.
 */
final class EnvelopeReader {

  private final JsonFactory json = new JsonFactory();

  /**
   * @param fallbackTime used when the event has no (readable) {@code time}: the Kafka record timestamp
   * @throws IllegalArgumentException when the bytes are not one JSON object with a string {@code id} and {@code type}
   */
  StreamEvent read(Position position, byte[] value, Instant fallbackTime) {
    String id = null;
    String type = null;
    String subject = null;
    String time = null;
    Map<String, String> data = Map.of();
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
          case "data" -> data = token == JsonToken.START_OBJECT ? scalars(parser) : skip(parser);
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
    return new StreamEvent(position, value, id, type, subject, instant(time, fallbackTime), data);
  }

  private static String text(JsonParser parser, JsonToken token) {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getString();
    }
    parser.skipChildren();
    return null;
  }

  /** The members of the {@code data} object that are strings, numbers or booleans, as text. */
  private static Map<String, String> scalars(JsonParser parser) {
    Map<String, String> scalars = new HashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
        scalars.put(name, parser.getString());
      } else {
        parser.skipChildren();
      }
    }
    return scalars;
  }

  private static Map<String, String> skip(JsonParser parser) {
    parser.skipChildren();
    return Map.of();
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
