package com.pulse.notification.channel;

/**
 * A member of channels: a WebSocket connection or an SSE stream. The dispatcher calls it at most once per event,
 * whatever number of its channels the event matched.
 */
public interface Subscriber {

  /** Whose subscriber this is: the user id their preferences are kept under. */
  String userId();

  /**
   * Takes one event. Called on the intake thread (or, for a replay, on the subscribing thread) with the dispatcher's
   * lock held: must not block (queue it, or drop it and cut the subscriber off).
   */
  void deliver(Delivery delivery);

  /**
   * Takes the events a recovery replays, before anything delivered after it. Same thread and lock as
   * {@link #deliver}. By default each is delivered at once; a subscriber with a bounded queue should take the replay
   * as one item and build its frames as it drains, or a long gap would overflow the queue.
   */
  default void replay(Replay replay) {
    Replay.Cursor cursor = replay.cursor();
    for (Delivery delivery = cursor.next(); delivery != null; delivery = cursor.next()) {
      deliver(delivery);
    }
  }
}
