package com.pulse.notification.socket;

import java.time.Instant;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A frame waiting in a connection's send queue. The bytes may be shared with other connections (event frames are
 * encoded once), so they are wrapped, never copied, when the frame is handed to the socket.
 *
 * @param eventTime the event's time for the delivery-lag metric; null for frames that are not events
 */
record OutboundFrame(WebSocketMessage.Type type, byte[] payload, boolean event, Instant eventTime)
    implements Outgoing {

  private static final byte[] EMPTY = new byte[0];

  static final OutboundFrame PING = new OutboundFrame(WebSocketMessage.Type.PING, EMPTY, false, null);

  static OutboundFrame text(byte[] json) {
    return new OutboundFrame(WebSocketMessage.Type.TEXT, json, false, null);
  }

  static OutboundFrame event(byte[] json, Instant eventTime) {
    return new OutboundFrame(WebSocketMessage.Type.TEXT, json, true, eventTime);
  }

  WebSocketMessage toMessage(WebSocketSession session) {
    return new WebSocketMessage(type, session.bufferFactory().wrap(payload));
  }
}
