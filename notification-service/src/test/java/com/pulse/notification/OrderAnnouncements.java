package com.pulse.notification;

import com.pulse.events.Announcement;
import com.pulse.events.Priority;
import java.util.Locale;

/**
 * How ocs-service announces an order event (its {@code OrderAnnouncement}), for tests that publish order events as
 * that producer would (the tests' orders are all for patient P-1001): the audience (seed 000's rules), the priority
 * and the words. notification-service itself
 * never computes any of this; it reads what the producer wrote.
 */
public final class OrderAnnouncements {

  private OrderAnnouncements() {}

  public static Announcement of(String doctorId, String jobRole, String orderPriority, String status) {
    String urgency = "ROUTINE".equals(orderPriority) ? "" : orderPriority + " ";
    return Announcement.to("ocs:all", "ocs:doctor:" + doctorId, "ocs:job:" + jobRole)
        .withPriority(priority(orderPriority))
        .titled(urgency + jobRole + " order CT-HEAD: " + status.toLowerCase(Locale.ROOT).replace('_', ' '),
            "Patient P-1001 · ordered by " + doctorId);
  }

  /** ROUTINE → NORMAL, URGENT → HIGH, STAT → CRITICAL, as the producer ranks orders. */
  public static Priority priority(String orderPriority) {
    return switch (orderPriority) {
      case "URGENT" -> Priority.HIGH;
      case "STAT" -> Priority.CRITICAL;
      default -> Priority.NORMAL;
    };
  }
}
