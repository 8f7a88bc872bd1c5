package com.pulse.spc.chart;

import com.pulse.events.EventType;
import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductEvents;
import com.pulse.spc.product.SpcProblems;
import com.pulse.spc.statistics.ControlLimits;
import com.pulse.spc.statistics.PhaseOneLimits;
import com.pulse.spc.statistics.Subgroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezes limit sets (Phase I): from a baseline of complete subgroups, by a person or — the default baseline, the
 * first {@value #DEFAULT_BASELINE} complete subgroups — automatically when they exist and no set does. Runs in the
 * caller's transaction, which holds the product's row lock.
 */
@Service
class LimitService {

  static final int DEFAULT_BASELINE = 25;
  private static final Logger log = LoggerFactory.getLogger(LimitService.class);

  private final SubgroupStore subgroups;
  private final LimitSetStore limitSets;
  private final ProductEvents events;

  LimitService(SubgroupStore subgroups, LimitSetStore limitSets, ProductEvents events) {
    this.subgroups = subgroups;
    this.limitSets = limitSets;
    this.events = events;
  }

  /** Checks in order: the request's numbers (400), whether the baseline can give limits (409). */
  @Transactional(propagation = Propagation.MANDATORY)
  LimitSet freeze(Product product, LimitsRequest request, String by, Instant now) {
    long[] range = subgroups.completeRange(product.id()).orElseThrow(() -> SpcProblems.conflict(
        "No baseline", "Product " + product.code() + " has no complete subgroup yet."));
    long from = request.fromSubgroup() == null ? range[0] : request.fromSubgroup();
    long to = request.toSubgroup() == null ? range[1] : request.toSubgroup();
    List<FieldProblem> problems = new ArrayList<>();
    if (from > to) {
      problems.add(new FieldProblem("toSubgroup", "must not be below fromSubgroup (" + from + "), got " + to));
    }
    List<Long> exclude = request.exclude() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.exclude()));
    for (int i = 0; i < exclude.size(); i++) {
      if (exclude.get(i) < from || exclude.get(i) > to) {
        problems.add(new FieldProblem("exclude[" + i + "]", "must be a subgroup from " + from + " to " + to
            + ", got " + exclude.get(i)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    List<Subgroup> baseline = subgroups.completeBetween(product.id(), from, to);
    try {
      return store(product, PhaseOneLimits.compute(product.subgroupSize(), baseline,
          exclude.stream().filter(n -> baseline.stream().anyMatch(s -> s.number() == n)).toList()),
          from, to, exclude, false, by, now);
    } catch (IllegalArgumentException e) {
      throw SpcProblems.conflict("Baseline unusable", "Subgroups " + from + " to " + to + " of " + product.code()
          + " give no control limits: " + e.getMessage());
    }
  }

  /** The default baseline's limit set, when no set exists and it can be computed; empty otherwise. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<LimitSet> freezeDefaultBaseline(Product product, Instant now) {
    List<Long> first = subgroups.firstComplete(product.id(), DEFAULT_BASELINE);
    if (first.size() < DEFAULT_BASELINE) {
      return Optional.empty();
    }
    long from = first.getFirst();
    long to = first.getLast();
    try {
      ControlLimits limits = PhaseOneLimits.compute(product.subgroupSize(),
          subgroups.completeBetween(product.id(), from, to));
      return Optional.of(store(product, limits, from, to, List.of(), true, null, now));
    } catch (IllegalArgumentException e) {
      log.warn("No default limits for product {} from subgroups {}-{}: {}", product.id(), from, to, e.getMessage());
      return Optional.empty();
    }
  }

  private LimitSet store(Product product, ControlLimits limits, long from, long to, List<Long> excluded,
      boolean automatic, String by, Instant now) {
    int version = limitSets.current(product.id()).map(set -> set.version() + 1).orElse(1);
    LimitSet set = new LimitSet(product.id(), product.code(), version, limits.chart(), limits.centerLine(),
        limits.ucl(), limits.lcl(), limits.dispersionCenterLine(), limits.dispersionUcl(), limits.dispersionLcl(),
        limits.sigmaWithin(), limits.plottedSigma(), limits.subgroupSize(), limits.subgroupsUsed(), from, to,
        excluded, automatic, now, by);
    limitSets.insert(set);
    events.append(product, EventType.SPC_LIMITS_FROZEN, set, ChartAnnouncement.limits(product, set));
    return set;
  }
}
