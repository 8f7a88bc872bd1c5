package com.pulse.notification.socket;

import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Replay;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * A recovery's replay waiting in a send queue as one item: its frames are encoded one by one as the socket takes
 * them, so a client recovering thousands of events neither overflows the queue (it is reading, just far behind)
 * nor makes the service hold thousands of frames at once.
 *
 * @param eventFrames the connection's framing ({@code /ws} or a dialect); null means "not sent"
 */
record ReplayFrames(Replay replay, Function<Delivery, byte[]> eventFrames) implements Outgoing {

  /** The frames, encoded as they are iterated. */
  Iterable<WebSocketMessage> messages(WebSocketSession session) {
    return () -> new Iterator<>() {
      private final Replay.Cursor cursor = replay.cursor();
      private WebSocketMessage ahead;

      @Override
      public boolean hasNext() {
        while (ahead == null) {
          Delivery delivery = cursor.next();
          if (delivery == null) {
            return false;
          }
          byte[] frame = eventFrames.apply(delivery);
          if (frame != null) {
            ahead = new WebSocketMessage(WebSocketMessage.Type.TEXT, session.bufferFactory().wrap(frame));
          }
        }
        return true;
      }

      @Override
      public WebSocketMessage next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        WebSocketMessage message = ahead;
        ahead = null;
        return message;
      }
    };
  }
}
