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
  /** The token's own id (JWT {@code jti}): what a single token's revocation names. */
  public static final String TOKEN_ID = "jti";
  /**
   * The sign-in the token belongs to (OIDC {@code sid}): every access token issued by one sign-in and its refreshes
   * shares it, so revoking it ends that whole login.
   */
  public static final String SESSION_ID = "sid";
  /** Where Keycloak puts realm roles: {@code {"realm_access":{"roles":[…]}}}. */
  public static final String KEYCLOAK_REALM_ROLES = "realm_access.roles";

  private Claims() {}
}
