package com.pulse.notification.stream;

/**
 * Receives every event the intake reads, in partition order, on the intake's single poll thread. Implementations must
 * not block: every millisecond spent here delays every later event for everyone.
 *
 * <p>Listeners run in {@link org.springframework.core.annotation.Order} order (e.g. a history buffer before live
 * delivery, so a client that recovers and then goes live cannot miss the event in between).
 */
@FunctionalInterface
public interface StreamListener {

  void on(StreamEvent event);
}
