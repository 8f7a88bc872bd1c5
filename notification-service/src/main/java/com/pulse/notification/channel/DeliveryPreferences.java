package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;

/**
 * A user's say in live delivery (minimum priority, muted types): asked once per connection and event on the intake
 * thread, so an implementation answers from memory and never blocks. Without a bean, every event is accepted.
 */
public interface DeliveryPreferences {

  /** Whether the user wants this event delivered live. */
  boolean accepts(String userId, StreamEvent event);
}
