package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a subscriber missed, handed over in one piece by a recovery, in order. It holds only references (to
 * events kept in the history anyway, and to the channel lists they matched, shared while they repeat), so a
 * connection that recovers thousands of events costs kilobytes until its socket takes them: the frames are built
 * one at a time, as the socket drains ({@link #delivery}).
 */
public final class Replay {

  private final List<StreamEvent> events;
  private final List<List<String>> channels;

  Replay(int expected) {
    events = new ArrayList<>(expected);
    channels = new ArrayList<>(expected);
  }

  void add(StreamEvent event, List<String> matched) {
    List<String> previous = channels.isEmpty() ? null : channels.getLast();
    channels.add(matched.equals(previous) ? previous : List.copyOf(matched));
    events.add(event);
  }

  public int size() {
    return events.size();
  }

  /** The {@code index}th missed event as a delivery of its own; build it only when its frame is about to be sent. */
  public Delivery delivery(int index) {
    return new Delivery(events.get(index), channels.get(index));
  }
}
