package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamPosition;

/**
 * What a subscriber is told while it joins, in this order, under the dispatcher's lock: so nothing an endpoint sends
 * about the join (a greeting, an acknowledgement) can be overtaken by an event that arrives meanwhile. Each endpoint
 * says it in its own protocol; every method does nothing by default.
 */
public interface Arrival {

  /** Says nothing. */
  Arrival SILENT = new Arrival() {};

  /** First, before any channel is joined: where the intake stands now. */
  default void greet(StreamPosition now) {}

  /** Once per channel, after the events its recovery replayed and before any later live event. */
  default void joined(Dispatcher.Subscription subscription) {}

  /** Last, once every channel is joined. */
  default void done() {}
}
