package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The encodings of one event other than the {@code event} frame, built on first use and shared by every
 * {@link Delivery} of that event, whatever channels each matched. Used under the dispatcher's lock only.
 */
final class EventForms {

  private static final byte[] NOT_SENT = new byte[0];

  private final StreamEvent event;
  private final String position;
  private Map<EventEncoding, byte[]> encoded;

  /** @param position the resume point after the event (the intake's position once it was read) */
  EventForms(StreamEvent event, String position) {
    this.event = event;
    this.position = position;
  }

  StreamEvent event() {
    return event;
  }

  String position() {
    return position;
  }

  /** The event in that encoding, or null when the encoding leaves it out. */
  byte[] in(EventEncoding encoding) {
    if (encoded == null) {
      encoded = new IdentityHashMap<>(2);
    }
    byte[] frame = encoded.computeIfAbsent(encoding, e -> {
      byte[] built = e.encode(event);
      return built == null ? NOT_SENT : built;
    });
    return frame == NOT_SENT ? null : frame;
  }
}
