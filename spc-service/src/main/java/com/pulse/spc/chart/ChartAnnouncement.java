package com.pulse.spc.chart;

import com.pulse.events.Announcement;
import com.pulse.events.Priority;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is told about measurements, limit sets and analyses: the product's channel always; the general quality feed
 * ({@code spc:alerts}) too for a value out of spec or out of control and for a capability analysis — what the seed's
 * general socket showed. An unremarkable value is LOW (a live chart needs it, nobody's inbox does).
 */
final class ChartAnnouncement {

  private ChartAnnouncement() {}

  static Announcement measurement(Product product, MeasurementRecorded m) {
    boolean remarkable = !m.withinSpec() || Boolean.FALSE.equals(m.withinControl());
    List<String> channels = new ArrayList<>(List.of(ProductEvents.productChannel(product.id())));
    List<String> findings = new ArrayList<>();
    if (!m.withinSpec()) {
      findings.add("out of spec");
    }
    if (Boolean.FALSE.equals(m.withinControl())) {
      findings.add("out of control");
    }
    if (remarkable) {
      channels.add(ProductEvents.ALERTS);
    }
    String title = product.code() + ": " + m.value() + (findings.isEmpty() ? "" : " " + String.join(", ", findings));
    return Announcement.to(channels).withPriority(remarkable ? Priority.NORMAL : Priority.LOW)
        .titled(title, "Subgroup " + m.subgroupNumber() + ", sample " + m.sampleNumber());
  }

  static Announcement limits(Product product, LimitSet set) {
    return Announcement.to(ProductEvents.productChannel(product.id())).withPriority(Priority.LOW)
        .titled(product.code() + ": control limits v" + set.version() + " frozen",
            set.chart() + " from subgroups " + set.fromSubgroup() + "–" + set.toSubgroup());
  }

  static Announcement capability(Product product, CapabilityResult result) {
    return Announcement.to(ProductEvents.productChannel(product.id()), ProductEvents.ALERTS)
        .withPriority(Priority.LOW)
        .titled(product.code() + ": capability analyzed", "Cpk " + rounded(result.cpk()) + " · Ppk "
            + rounded(result.ppk()));
  }

  private static String rounded(Double value) {
    return value == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", value);
  }
}
