package com.pulse.spc.alert;

/** OPEN → ACKNOWLEDGED → RESOLVED; an OPEN alert may also be resolved at once. RESOLVED is final. */
public enum AlertStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED
}
