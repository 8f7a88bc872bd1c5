package com.pulse.notification.inbox;

import com.pulse.notification.stream.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The title and one-line summary an inbox entry shows, from the event's type and data. One rule per domain; an event
 * no rule knows shows its type and subject.
 */
final class NotificationText {

  record Text(String title, String summary) {}

  private NotificationText() {}

  static Text of(StreamEvent event) {
    if (event.type().startsWith("ocs.order.")) {
      return order(event);
    }
    if (event.type().startsWith("spc.alert") && event.data("title") != null) {
      return new Text(event.data("title"), orEmpty(event.data("message")));
    }
    return new Text(event.type(), orEmpty(event.subject()));
  }

  /** "STAT RIS order CT-HEAD: requested" / "Patient P-1001 · ordered by dr.kim · accepted by ris.park". */
  private static Text order(StreamEvent event) {
    List<String> title = new ArrayList<>();
    String priority = event.data("priority");
    if (priority != null && !priority.equals("ROUTINE")) {
      title.add(priority);
    }
    title.add(orDefault(event.data("jobRole"), ""));
    title.add("order");
    title.add(orDefault(event.data("orderCode"), orEmpty(event.subject())));
    String status = event.data("status");
    String heading = String.join(" ", title.stream().filter(part -> !part.isEmpty()).toList())
        + (status == null ? "" : ": " + status.toLowerCase(Locale.ROOT).replace('_', ' '));
    List<String> summary = new ArrayList<>();
    if (event.data("patientId") != null) {
      summary.add("Patient " + event.data("patientId"));
    }
    if (event.data("doctorId") != null) {
      summary.add("ordered by " + event.data("doctorId"));
    }
    if (event.data("workerId") != null) {
      summary.add("accepted by " + event.data("workerId"));
    }
    return new Text(heading, String.join(" · ", summary));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
