package com.pulse.notification.channel;

/**
 * A member of channels: a WebSocket connection today, an SSE stream tomorrow. The dispatcher calls it at most once
 * per event, whatever number of its channels the event matched.
 */
public interface Subscriber {

  /**
   * Takes one event. Called on the intake thread: must not block (queue it, or drop it and cut the subscriber off).
   */
  void deliver(Delivery delivery);
}
