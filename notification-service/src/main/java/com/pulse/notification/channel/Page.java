package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import com.pulse.notification.stream.StreamPosition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page of a channel's events, for {@code history} and polling clients; {@code position} is the {@code since} of the
 * next page.
 */
public record Page(boolean recovered, List<StreamEvent> events, StreamPosition position) {

  private static final byte[] EVENTS = ",\"events\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] POSITION = "{\"position\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT = ",\"event\":".getBytes(StandardCharsets.UTF_8);

  /**
   * {@code head} (a JSON object) with an {@code "events":[{"position":…,"event":{…}},…]} member appended, each
   * event embedded as Kafka holds it (never re-serialized).
   */
  public byte[] withEvents(byte[] head, JsonMapper json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(head, 0, head.length - 1);
    out.writeBytes(EVENTS);
    boolean first = true;
    for (StreamEvent event : events) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.writeBytes(POSITION);
      out.writeBytes(json.writeValueAsBytes(event.position().toString()));
      out.writeBytes(EVENT);
      out.writeBytes(event.json());
      out.write('}');
    }
    out.write(']');
    out.write('}');
    return out.toByteArray();
  }
}
