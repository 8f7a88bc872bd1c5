package com.pulse.ocs.order;

/** How soon the order must be done; worklists put STAT first. */
public enum Priority {
  ROUTINE,
  URGENT,
  STAT
}
