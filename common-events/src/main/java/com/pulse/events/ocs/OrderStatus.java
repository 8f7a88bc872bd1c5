package com.pulse.events.ocs;

/** Where an order is in its life: REQUESTED → ACCEPTED → IN_PROGRESS → COMPLETED, or CANCELLED. */
public enum OrderStatus {
  REQUESTED,
  ACCEPTED,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
