package com.pulse.identity;

/**
 * The claim names of a Pulse access token. The gateway writes them, every service reads them, tests mint them: no
 * other module spells them.
 */
public final class Claims {

  /** The user id, e.g. {@code dr.kim} (JWT {@code sub}). */
  public static final String SUBJECT = "sub";
  /** The display name. */
  public static final String NAME = "name";
  /** The roles: an array of {@link Role} names. */
  public static final String ROLES = "roles";
  /** An order worker's department: a {@link JobRole} name. */
  public static final String JOB_ROLE = "jobRole";
  /** Staff's department or ward, e.g. {@code XRAY} for the X-ray ward's display. */
  public static final String DEPARTMENT = "department";
  /** A patient's id. */
  public static final String PATIENT_ID = "patientId";
  /** An employee's number (seed 002's {@code emp_no}). */
  public static final String EMP_NO = "empNo";
  /** Where Keycloak puts realm roles: {@code {"realm_access":{"roles":[…]}}}. */
  public static final String KEYCLOAK_REALM_ROLES = "realm_access.roles";

  private Claims() {}
}
