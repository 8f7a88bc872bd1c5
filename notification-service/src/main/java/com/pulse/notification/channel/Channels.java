package com.pulse.notification.channel;

/**
 * Channel names, {@code <namespace>:<audience>}: the one place that spells them. See DESIGN.md, "Delivery model".
 * A name built from a missing or blank part is {@code null}: no channel, rather than a channel for everyone.
 */
public final class Channels {

  /** Every order event: administrators and system managers. */
  public static final String OCS_ALL = "ocs:all";

  static final String OCS_DOCTOR = "ocs:doctor:";
  static final String OCS_JOB = "ocs:job:";
  static final String USER = "user:";

  private Channels() {}

  /** Orders a doctor created, by the doctor's user id. */
  public static String ocsDoctor(String userId) {
    return named(OCS_DOCTOR, userId);
  }

  /** Orders for a job role: {@code RIS} or {@code LIS}. */
  public static String ocsJob(String jobRole) {
    return named(OCS_JOB, jobRole);
  }

  /** Everything addressed to one user. */
  public static String user(String userId) {
    return named(USER, userId);
  }

  private static String named(String prefix, String part) {
    return part == null || part.isBlank() ? null : prefix + part;
  }
}
