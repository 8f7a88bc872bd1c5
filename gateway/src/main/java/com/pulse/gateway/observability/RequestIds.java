package com.pulse.gateway.observability;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids and W3C trace contexts: checked without regular expressions, made without a secure random. */
final class RequestIds {

  static final int MAX_LENGTH = 128;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {
  }

  /** A caller's id is kept when it is 1 to 128 characters of letters, digits and {@code - _ . :}. */
  static boolean acceptable(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** 32 lowercase hex characters (128 random bits). */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[32];
    hex(random.nextLong(), id, 0);
    hex(random.nextLong(), id, 16);
    return new String(id);
  }

  /** A new sampled {@code traceparent} (W3C Trace Context, version 00) whose trace id is {@code traceId}. */
  static String newTraceparent(String traceId) {
    char[] span = new char[16];
    long spanId = ThreadLocalRandom.current().nextLong();
    hex(spanId == 0 ? 1 : spanId, span, 0);
    return "00-" + traceId + "-" + new String(span) + "-01";
  }

  /** The trace id of a well-formed {@code traceparent}, or null. */
  static String traceIdOf(String traceparent) {
    if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
        || traceparent.charAt(35) != '-') {
      return null;
    }
    return traceparent.substring(3, 35);
  }

  private static void hex(long value, char[] into, int offset) {
    for (int i = 15; i >= 0; i--) {
      into[offset + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
