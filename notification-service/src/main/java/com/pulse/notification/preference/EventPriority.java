package com.pulse.notification.preference;

import com.pulse.notification.stream.StreamEvent;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The priority of an event, from its type and data; every domain's mapping in this one place (README, "Priority").
 *
 * <ul>
 *   <li>OCS orders ({@code ocs.*}), field {@code priority}: {@code ROUTINE} → NORMAL, {@code URGENT} → HIGH,
 *       {@code STAT} → CRITICAL.
 *   <li>Any event with a {@code severity}: {@code LOW}/{@code INFO} → LOW, {@code NORMAL}/{@code MEDIUM}/
 *       {@code WARNING} → NORMAL, {@code HIGH}/{@code MAJOR} → HIGH, {@code CRITICAL} → CRITICAL, or the SPC scale
 *       1–5.
 *   <li>SPC alerts ({@code spc.alert.*}) without a severity, field {@code priority} 1–5 (seed 001): 1–2 → LOW,
 *       3 → NORMAL, 4 → HIGH, 5 → CRITICAL.
 *   <li>Everything else, and values not listed: NORMAL.
 * </ul>
 */
public final class EventPriority {

  private EventPriority() {}

  public static Priority of(StreamEvent event) {
    return of(event.type(), event::data);
  }

  /** @param data a top-level scalar of the event's data as text, or null */
  public static Priority of(String type, UnaryOperator<String> data) {
    if (type.startsWith("ocs.")) {
      return switch (upper(data.apply("priority"))) {
        case "URGENT" -> Priority.HIGH;
        case "STAT" -> Priority.CRITICAL;
        default -> Priority.NORMAL;
      };
    }
    String severity = data.apply("severity");
    if (severity != null) {
      return severity(severity);
    }
    if (type.startsWith("spc.alert")) {
      return scale(data.apply("priority"));
    }
    return Priority.NORMAL;
  }

  private static Priority severity(String severity) {
    return switch (upper(severity)) {
      case "LOW", "INFO" -> Priority.LOW;
      case "HIGH", "MAJOR" -> Priority.HIGH;
      case "CRITICAL" -> Priority.CRITICAL;
      case "1", "2", "3", "4", "5" -> scale(severity);
      default -> Priority.NORMAL;
    };
  }

  /** The SPC alert scale, 1 (lowest) to 5 (highest). */
  private static Priority scale(String value) {
    return switch (value == null ? "" : value.trim()) {
      case "1", "2" -> Priority.LOW;
      case "4" -> Priority.HIGH;
      case "5" -> Priority.CRITICAL;
      default -> Priority.NORMAL;
    };
  }

  private static String upper(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
  }
}
