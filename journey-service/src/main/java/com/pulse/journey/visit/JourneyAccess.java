package com.pulse.journey.visit;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;

/**
 * Who may see and do what (issue 13): a patient only themselves, with the patient's actions; clinical staff (NURSE,
 * DOCTOR, ADMIN) every patient, with the staff's actions, and run the queues; SYSTEMMANAGER reads everything; a ward
 * display account ({@code DISPLAY}) only the board of its department's queue. The same rules as the channel catalog's
 * {@code journey:*} entries.
 */
public final class JourneyAccess {

  private JourneyAccess() {}

  /** Staff who act on patients and run queues. */
  public static boolean isClinicalStaff(Caller caller) {
    return caller.hasAnyRole(Role.NURSE, Role.DOCTOR, Role.ADMIN);
  }

  /** Staff who may read any patient: clinical staff and system managers. */
  public static boolean readsEveryPatient(Caller caller) {
    return isClinicalStaff(caller) || caller.hasRole(Role.SYSTEMMANAGER);
  }

  /** The patient the caller is, or null: a PATIENT token with a {@code patientId}. */
  public static String ownPatientId(Caller caller) {
    return caller.hasRole(Role.PATIENT) ? caller.patientId() : null;
  }

  public static boolean maySeePatient(Caller caller, String patientId) {
    return readsEveryPatient(caller) || patientId.equals(ownPatientId(caller));
  }

  public static boolean mayWatchQueue(Caller caller, String examId) {
    return readsEveryPatient(caller) || (caller.hasRole(Role.DISPLAY) && examId.equals(caller.department()));
  }
}
