package com.pulse.notification.channel;

import java.util.regex.Pattern;

/**
 * Channel names, {@code <namespace>:<audience>}: the one place that spells them. See DESIGN.md, "Delivery model".
 * A name built from a missing or blank part is {@code null}: no channel, rather than a channel for everyone.
 */
public final class Channels {

  /** Every order event: administrators and system managers. */
  public static final String OCS_ALL = "ocs:all";
  /** Every quality alert (seed 001, "all quality notifications"). */
  public static final String SPC_ALERTS = "spc:alerts";

  static final String OCS_DOCTOR = "ocs:doctor:";
  static final String OCS_JOB = "ocs:job:";
  static final String SPC_PRODUCT = "spc:product:";
  static final String JOURNEY_PATIENT = "journey:patient:";
  static final String JOURNEY_QUEUE = "journey:queue:";
  static final String VOTE_POLL = "vote:poll:";
  static final String USER = "user:";

  /** An id inside a channel name: letters, digits and {@code . _ @ -}, at most 128 characters. */
  private static final String ID = "[A-Za-z0-9._@-]{1,128}";
  private static final Pattern KNOWN = Pattern.compile("ocs:all|spc:alerts"
      + "|(ocs:doctor|ocs:job|spc:product|journey:patient|journey:queue|vote:poll|user):" + ID);

  private Channels() {}

  /** Whether the name is a channel of some namespace this service serves (whoever may join it). */
  public static boolean known(String channel) {
    return channel != null && KNOWN.matcher(channel).matches();
  }

  /** The namespace, the part before the first {@code :} ({@code ocs}, {@code user}...). */
  public static String namespace(String channel) {
    int colon = channel.indexOf(':');
    return colon < 0 ? channel : channel.substring(0, colon);
  }

  /** Orders a doctor created, by the doctor's user id. */
  public static String ocsDoctor(String userId) {
    return named(OCS_DOCTOR, userId);
  }

  /** Orders for a job role: {@code RIS} or {@code LIS}. */
  public static String ocsJob(String jobRole) {
    return named(OCS_JOB, jobRole);
  }

  /** Measurements, limits and alerts of one product. */
  public static String spcProduct(String productId) {
    return named(SPC_PRODUCT, productId);
  }

  /** One patient's journey state. */
  public static String journeyPatient(String patientId) {
    return named(JOURNEY_PATIENT, patientId);
  }

  /** One exam queue's board. */
  public static String journeyQueue(String queueId) {
    return named(JOURNEY_QUEUE, queueId);
  }

  /** One poll's tallies. */
  public static String votePoll(String pollId) {
    return named(VOTE_POLL, pollId);
  }

  /** Everything addressed to one user. */
  public static String user(String userId) {
    return named(USER, userId);
  }

  private static String named(String prefix, String part) {
    return part == null || part.isBlank() ? null : prefix + part;
  }
}
