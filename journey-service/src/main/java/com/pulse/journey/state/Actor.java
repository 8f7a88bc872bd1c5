package com.pulse.journey.state;

import java.util.Locale;

/**
 * Who performs an action: the patient (own app, kiosk, NFC tag) or staff (nurse, doctor, administrator). Seed 004 keeps
 * the two action lists apart ({@code PatientAction}, {@code StaffAction}); the same action name in both lists is two
 * actions, one per actor.
 */
public enum Actor {
  PATIENT,
  STAFF;

  /** Lower case, as in problem details and logs: {@code patient}, {@code staff}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
