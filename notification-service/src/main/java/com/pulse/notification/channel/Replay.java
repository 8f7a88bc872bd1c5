package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import com.pulse.notification.stream.StreamPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a subscriber missed, handed over in one piece by a recovery, in order, each with the resume point after
 * it. It holds only references (to events kept in the history anyway, and to the channel lists they matched, shared
 * while they repeat), so a connection that recovers thousands of events costs kilobytes until its socket takes them:
 * the frames — and their positions, {@code since} moved past every event the recovery covered up to there, sent or
 * not (the client has the unsent ones through another channel, or does not want them) — are built one at a time as
 * the socket drains ({@link #cursor()}).
 */
public final class Replay {

  private final StreamPosition since;
  private final List<StreamEvent> events;
  /** The channels each event is sent with; null for one covered but not sent. */
  private final List<List<String>> channels;
  private int sent;

  Replay(StreamPosition since, int expected) {
    this.since = since;
    events = new ArrayList<>(expected);
    channels = new ArrayList<>(expected);
  }

  void add(StreamEvent event, List<String> matched) {
    List<String> previous = channels.isEmpty() ? null : channels.getLast();
    channels.add(matched.equals(previous) ? previous : List.copyOf(matched));
    events.add(event);
    sent++;
  }

  /** An event the recovery covers that is not sent: it only moves the positions of the ones after it. */
  void skip(StreamEvent event) {
    channels.add(null);
    events.add(event);
  }

  /** How many events are sent. */
  public int size() {
    return sent;
  }

  /** The deliveries in order; each is built when asked for, with its position. */
  public Cursor cursor() {
    return new Cursor();
  }

  /** Walks the replay once, in order. */
  public final class Cursor {
    private int next;
    private StreamPosition position = since;

    /** The next event to send as a delivery of its own, or null at the end. */
    public Delivery next() {
      while (next < events.size()) {
        StreamEvent event = events.get(next);
        List<String> matched = channels.get(next++);
        position = position.with(event.position());
        if (matched != null) {
          return new Delivery(event, matched, position.toString());
        }
      }
      return null;
    }
  }
}
