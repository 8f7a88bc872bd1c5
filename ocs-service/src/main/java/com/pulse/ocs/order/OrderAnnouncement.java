package com.pulse.ocs.order;

import com.pulse.events.Announcement;
import com.pulse.events.Priority;
import com.pulse.events.ocs.OrderPriority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who is told about an order's change, and in what words (seed 000's notification rules): administrators and system
 * managers every order ({@code ocs:all}), the doctor who created it ({@code ocs:doctor:{id}}), the workers of its job
 * role ({@code ocs:job:{RIS|LIS}}). STAT orders are critical, URGENT ones high.
 */
final class OrderAnnouncement {

  private OrderAnnouncement() {}

  /** "STAT RIS order CT-HEAD: accepted" / "Patient P-1001 · ordered by dr.kim · accepted by ris.park". */
  static Announcement of(Order order) {
    return Announcement.to("ocs:all", "ocs:doctor:" + order.doctorId(), "ocs:job:" + order.jobRole().name())
        .withPriority(switch (order.priority()) {
          case ROUTINE -> Priority.NORMAL;
          case URGENT -> Priority.HIGH;
          case STAT -> Priority.CRITICAL;
        })
        .titled(title(order), summary(order));
  }

  private static String title(Order order) {
    String urgency = order.priority() == OrderPriority.ROUTINE ? "" : order.priority().name() + " ";
    return urgency + order.jobRole().name() + " order " + order.orderCode() + ": "
        + order.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String summary(Order order) {
    List<String> parts = new ArrayList<>(3);
    parts.add("Patient " + order.patientId());
    parts.add("ordered by " + order.doctorId());
    if (order.workerId() != null) {
      parts.add("accepted by " + order.workerId());
    }
    return String.join(" · ", parts);
  }
}
