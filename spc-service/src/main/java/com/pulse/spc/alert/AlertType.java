package com.pulse.spc.alert;

/** Why an alert was raised; MANUAL only by hand (a person may also raise one of the other types by hand). */
public enum AlertType {
  OUT_OF_SPEC,
  OUT_OF_CONTROL,
  RUN_RULE_VIOLATION,
  LOW_CAPABILITY,
  MANUAL
}
