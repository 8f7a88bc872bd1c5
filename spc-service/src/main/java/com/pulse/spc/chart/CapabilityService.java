package com.pulse.spc.chart;

import com.pulse.events.EventType;
import com.pulse.identity.Caller;
import com.pulse.spc.alert.AlertService;
import com.pulse.spc.alert.AlertType;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductEvents;
import com.pulse.spc.product.ProductRepository;
import com.pulse.spc.product.SpcProblems;
import com.pulse.spc.statistics.Capability;
import com.pulse.spc.statistics.CapabilityAnalysis;
import com.pulse.spc.statistics.Subgroup;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs capability analyses over complete subgroups against the product's specification, stores and announces each,
 * and raises LOW_CAPABILITY when Cpk is below the product's threshold.
 */
@Service
class CapabilityService {

  private final ProductRepository products;
  private final SubgroupStore subgroups;
  private final CapabilityStore analyses;
  private final ProductEvents events;
  private final AlertService alerts;
  private final Clock clock = Clock.systemUTC();

  CapabilityService(ProductRepository products, SubgroupStore subgroups, CapabilityStore analyses,
      ProductEvents events, AlertService alerts) {
    this.products = products;
    this.subgroups = subgroups;
    this.analyses = analyses;
    this.events = events;
    this.alerts = alerts;
  }

  @Transactional
  CapabilityResult analyze(long productId, CapabilityRequest request, Caller user) {
    Product product = products.findLocked(productId).orElseThrow(() -> SpcProblems.productNotFound(productId));
    long[] range = subgroups.completeRange(productId).orElseThrow(() -> SpcProblems.conflict("Not enough data",
        "Product " + product.code() + " has no complete subgroup yet."));
    long from = request.fromSubgroup() == null ? range[0] : request.fromSubgroup();
    long to = request.toSubgroup() == null ? range[1] : request.toSubgroup();
    if (from > to) {
      throw SpcProblems.invalid("toSubgroup", "must not be below fromSubgroup (" + from + "), got " + to);
    }
    List<Subgroup> data = subgroups.completeBetween(productId, from, to);
    Capability c;
    try {
      c = CapabilityAnalysis.analyze(data, product.spec());
    } catch (IllegalArgumentException e) {
      throw SpcProblems.conflict("Not enough data", "Subgroups " + from + " to " + to + " of " + product.code()
          + ": " + e.getMessage());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    CapabilityResult draft = new CapabilityResult(0, productId, product.code(), c.n(), c.mean(), c.sigmaWithin(),
        c.sigmaOverall(), c.cp(), c.cpk(), c.cpu(), c.cpl(), c.pp(), c.ppk(), c.cpm(), c.expectedPpmOverall(),
        c.expectedPpmWithin(), c.cpkLowerBound95(), from, to, product.lsl(), product.usl(), product.target(), now,
        user.id());
    long id = analyses.insert(draft);
    CapabilityResult result = analyses.latest(productId).filter(r -> r.id() == id).orElseThrow();
    events.append(product, EventType.SPC_CAPABILITY_ANALYZED, result, ChartAnnouncement.capability(product, result));
    if (result.cpk() != null && result.cpk() < product.capabilityThreshold()) {
      alerts.raise(product, AlertType.LOW_CAPABILITY, null, product.code() + ": low capability",
          String.format(Locale.ROOT, "Cpk %.3f is below %.2f (subgroups %d to %d, n = %d)", result.cpk(),
              product.capabilityThreshold(), from, to, result.n()), null, null);
    }
    return result;
  }
}
