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
  private static final byte[] START = "{\"type\":\"event\",\"channels\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] POSITION = ",\"position\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT = ",\"event\":".getBytes(StandardCharsets.UTF_8);

  private final StreamEvent event;
  private final EventForms forms;
  private final List<String> channels;
  private byte[] frame;

  Delivery(StreamEvent event, List<String> channels) {
    this(new EventForms(event), channels);
  }

  /** A delivery sharing the event's other encodings with the event's other deliveries. */
  Delivery(EventForms forms, List<String> channels) {
    this.event = forms.event();
    this.forms = forms;
    this.channels = List.copyOf(channels);
  }

  public StreamEvent event() {
    return event;
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

  private byte[] encode() {
    byte[] names = JSON.writeValueAsBytes(channels);
    byte[] position = JSON.writeValueAsBytes(event.position().toString());
    byte[] json = event.json();
    byte[] out = new byte[START.length + names.length + POSITION.length + position.length + EVENT.length
        + json.length + 1];
    int at = 0;
    for (byte[] part : new byte[][] {START, names, POSITION, position, EVENT, json}) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    out[at] = '}';
    return out;
  }
}
