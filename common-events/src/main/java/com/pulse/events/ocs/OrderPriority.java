package com.pulse.events.ocs;

/**
 * How soon an order must be done; worklists put STAT first. Not {@link com.pulse.events.Priority}, the scale of
 * notifications, onto which the producer maps it.
 */
public enum OrderPriority {
  ROUTINE,
  URGENT,
  STAT
}
