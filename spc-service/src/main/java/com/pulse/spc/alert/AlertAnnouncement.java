package com.pulse.spc.alert;

import com.pulse.events.Announcement;
import com.pulse.events.Priority;
import com.pulse.spc.product.ProductEvents;

/**
 * Who is told about an alert and how: the general quality feed ({@code spc:alerts}) and the product's own. Raising
 * carries the alert's priority (1–5 onto Pulse's four: 1 LOW, 2–3 NORMAL, 4 HIGH, 5 CRITICAL), so the inbox and the
 * minimum-priority preference filter alerts as users set them; acknowledging and resolving are LOW: news about an
 * alert someone already handles.
 */
final class AlertAnnouncement {

  private AlertAnnouncement() {}

  static Announcement raised(Alert alert) {
    return Announcement.to(ProductEvents.ALERTS, ProductEvents.productChannel(alert.productId()))
        .withPriority(priority(alert.priority())).titled(alert.title(), alert.message());
  }

  static Announcement acknowledged(Alert alert) {
    return Announcement.to(ProductEvents.ALERTS, ProductEvents.productChannel(alert.productId()))
        .withPriority(Priority.LOW).titled(alert.title() + ": acknowledged", "Acknowledged by "
            + alert.acknowledgedBy());
  }

  static Announcement resolved(Alert alert) {
    return Announcement.to(ProductEvents.ALERTS, ProductEvents.productChannel(alert.productId()))
        .withPriority(Priority.LOW).titled(alert.title() + ": resolved", "Resolved by " + alert.resolvedBy()
            + " · " + alert.cause());
  }

  static Priority priority(int alertPriority) {
    return switch (alertPriority) {
      case 1 -> Priority.LOW;
      case 2, 3 -> Priority.NORMAL;
      case 4 -> Priority.HIGH;
      default -> Priority.CRITICAL;
    };
  }
}
