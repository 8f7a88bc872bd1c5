package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;

/**
 * Another shape of an event's frame than the protocol's {@code event} frame, e.g. a client dialect. A
 * {@link Delivery} encodes each event at most once per encoding, shared by every subscriber that asks for it, so an
 * implementation is used as a key (by identity): keep one instance per shape.
 */
@FunctionalInterface
public interface EventEncoding {

  /** The frame, UTF-8 JSON; null when the event is not sent in this shape. */
  byte[] encode(StreamEvent event);
}
