package com.pulse.problems;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instants a client may send: years 0001 to 9999, the range ISO 8601 writes without a sign. Java parses
 * {@code -999999999-01-01T00:00:00Z} happily; converting it for the database overflows a long (a 500), and PostgreSQL
 * refuses anything beyond its own range. A filter or a field outside this range is refused, naming it.
 */
public final class InputTimes {

  public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  /** After the field's name: {@code 'createdFrom' must be between ...}. */
  public static final String OUT_OF_RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

  /** An ISO 8601 date or date-time, perhaps with the sign and extra year digits ISO allows by agreement. */
  private static final Pattern ISO_DATE = Pattern.compile("([+-]?)(\\d{4,})-\\d{2}-\\d{2}([T ].*)?");

  private InputTimes() {}

  public static boolean isWithinRange(Instant instant) {
    return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
  }

  /**
   * Whether a text is an ISO date whose year is outside 0001–9999 ({@code -999999999-01-01T00:00:00Z},
   * {@code +10000-01-01}, {@code 0000-01-01}). The query-string check refuses such a value in any parameter, so a
   * service's own parser never meets one: no parameter means a date like that.
   */
  public static boolean isDateOutOfRange(String text) {
    Matcher date = ISO_DATE.matcher(text);
    return date.matches() && (!date.group(1).isEmpty() || date.group(2).length() > 4
        || Integer.parseInt(date.group(2)) == 0);
  }
}
