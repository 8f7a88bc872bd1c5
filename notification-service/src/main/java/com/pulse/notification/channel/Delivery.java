package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event for every subscriber that matched the same channels. Its frame is encoded at most once and shared by all
 * of them: the raw CloudEvent bytes are embedded as they came from Kafka, never re-serialized per connection. Other
 * shapes of the event ({@link EventEncoding}) are shared wider still, by every delivery of the event.
 */
public final class Delivery {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final StreamEvent event;
  private final EventForms forms;
  private final List<String> channels;
  private final String position;
  private byte[] frame;

  /** A delivery of its own (a replayed event), resumable from {@code position}. */
  Delivery(StreamEvent event, List<String> channels, String position) {
    this(new EventForms(event, position), channels);
  }

  /** A delivery sharing the event's position and other encodings with the event's other deliveries. */
  Delivery(EventForms forms, List<String> channels) {
    this.event = forms.event();
    this.forms = forms;
    this.channels = List.copyOf(channels);
    this.position = forms.position();
  }

  public StreamEvent event() {
    return event;
  }

  /**
   * The resume point after this event: every partition's offset up to which this subscriber has had everything of
   * these channels. Sent back as {@code since}, it gives exactly what came after — on any instance.
   */
  public String position() {
    return position;
  }

  /** The channels of the subscriber that this event matched. */
  public List<String> channels() {
    return channels;
  }

  /**
   * The protocol's event frame, {@code {"type":"event","channels":[…],"position":"…","event":{…}}}, UTF-8 JSON.
   * Built on first use by the dispatching thread and shared afterwards; callers must not modify it.
   */
  public byte[] frame() {
    byte[] built = frame;
    if (built == null) {
      built = encode();
      frame = built;
    }
    return built;
  }

  /**
   * The event in another shape (a client dialect), or null when that shape leaves it out. Encoded on first use and
   * shared by every delivery of the event, whatever channels each matched; callers must not modify it.
   */
  public byte[] frame(EventEncoding encoding) {
    return forms.in(encoding);
  }

  /**
   * Built by hand rather than with a JSON generator: at tens of thousands of frames a second (a broadcast, a replay)
   * a generator per frame was most of the encoding cost. Channel names and positions are plain ASCII as a rule;
   * anything else goes through Jackson.
   */
  private byte[] encode() {
    StringBuilder head = new StringBuilder(64 + 24 * channels.size());
    head.append("{\"type\":\"event\",\"channels\":[");
    for (int i = 0; i < channels.size(); i++) {
      if (i > 0) {
        head.append(',');
      }
      appendString(head, channels.get(i));
    }
    head.append("],\"position\":");
    appendString(head, position);
    head.append(",\"event\":");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] json = event.json();
    byte[] out = new byte[start.length + json.length + 1];
    System.arraycopy(start, 0, out, 0, start.length);
    System.arraycopy(json, 0, out, start.length, json.length);
    out[out.length - 1] = '}';
    return out;
  }

  /** A JSON string: written as is when it needs no escaping (printable ASCII without quote or backslash). */
  private static void appendString(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        out.append(JSON.writeValueAsString(value));
        return;
      }
    }
    out.append('"').append(value).append('"');
  }
}
