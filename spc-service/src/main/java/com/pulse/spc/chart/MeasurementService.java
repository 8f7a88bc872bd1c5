package com.pulse.spc.chart;

import com.pulse.events.EventType;
import com.pulse.identity.Caller;
import com.pulse.spc.alert.AlertService;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductEvents;
import com.pulse.spc.product.ProductRepository;
import com.pulse.spc.product.SpcProblems;
import com.pulse.spc.statistics.RunRuleEvaluator;
import com.pulse.spc.statistics.RunRules;
import com.pulse.spc.statistics.Subgroup;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records values, one command (a value or a batch) in one transaction with the product's row locked: concurrent
 * operators on one product take turns, so a subgroup is never overfilled and no value lost (the unique key on
 * product, subgroup and sample backs this). A value that completes its subgroup has the subgroup's point judged
 * ({@link PointJudge}); the default baseline is frozen when it exists.
 *
 * <p>The chart's state is read once per command and the values are placed and judged in memory; then their
 * subgroups are written once each and the values in one statement, and their events and alerts follow in the values'
 * order. Only freezing the default baseline, which reads the stored subgroups, writes what came before it first.
 */
@Service
class MeasurementService {

  private final ProductRepository products;
  private final SubgroupStore subgroups;
  private final LimitSetStore limitSets;
  private final LimitService limitService;
  private final PointJudge judge;
  private final AlertService alerts;
  private final ProductEvents events;
  private final Clock clock = Clock.systemUTC();

  MeasurementService(ProductRepository products, SubgroupStore subgroups, LimitSetStore limitSets,
      LimitService limitService, PointJudge judge, AlertService alerts, ProductEvents events) {
    this.products = products;
    this.subgroups = subgroups;
    this.limitSets = limitSets;
    this.limitService = limitService;
    this.judge = judge;
    this.alerts = alerts;
    this.events = events;
  }

  /** A value placed and judged, not yet written; {@code point} when it completed its subgroup. */
  private record Placed(SubgroupStore.NewMeasurement value, PointJudge.Point point) {}

  /** The command's values not yet written, and the state their subgroups are in after them. */
  private static final class Unwritten {
    final List<Placed> values = new ArrayList<>();
    final Map<Long, SubgroupStore.Row> subgroups = new LinkedHashMap<>();
  }

  /**
   * @param prefix the requests' field path in the body: {@code ""} for one value, {@code "measurements"} for a batch
   */
  @Transactional
  List<Judged> record(long productId, List<MeasurementRequest> requests, String prefix, Caller user) {
    Product product = products.findLocked(productId).orElseThrow(() -> SpcProblems.productNotFound(productId));
    Measurements.check(requests, prefix, product);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ChartState state = load(product);
    AlertService.Raiser raiser = alerts.raiser(product);
    Unwritten unwritten = new Unwritten();
    List<Judged> judged = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      Placed placed = place(product, state, requests.get(i), Measurements.field(prefix, i), now, unwritten);
      if (placed.point() != null && state.limits == null
          && state.completeCount() >= LimitService.DEFAULT_BASELINE) {
        judged.addAll(write(product, unwritten, raiser, user, now));
        limitService.freezeDefaultBaseline(product, now).ifPresent(set -> use(state, set, product.runRules()));
      }
    }
    judged.addAll(write(product, unwritten, raiser, user, now));
    raiser.countRepeats();
    return judged;
  }

  private ChartState load(Product product) {
    RunRules rules = product.runRules();
    // the window of complete subgroups and, above them, possibly the one being filled
    List<SubgroupStore.Tail> tail = subgroups.tail(product.id(), rules.window() + 1);
    ChartState state = new ChartState(rules.window(),
        tail.stream().filter(SubgroupStore.Tail::complete).map(SubgroupStore.Tail::mean).toList());
    if (!tail.isEmpty()) {
      SubgroupStore.Tail last = tail.getLast();
      state.lastNumber = last.number();
      state.lastComplete = last.complete();
      if (!last.complete()) {
        state.openValues.putAll(subgroups.values(product.id(), last.number()));
      }
    }
    limitSets.current(product.id()).ifPresent(set -> use(state, set, rules));
    return state;
  }

  private static void use(ChartState state, LimitSet set, RunRules rules) {
    state.limits = set;
    state.evaluator = new RunRuleEvaluator(set.limits(), rules);
  }

  /** Gives the value its subgroup and sample, judges the subgroup's point when the value completes it. */
  private Placed place(Product product, ChartState state, MeasurementRequest request, String at, Instant now,
      Unwritten unwritten) {
    long number = subgroupFor(state, request, at);
    if (number > state.lastNumber) {
      state.lastNumber = number;
      state.lastComplete = false;
    }
    int sample = sampleFor(product, state, request, number, at);
    double value = request.value();
    Instant measuredAt = request.measuredAt() == null ? now : request.measuredAt().truncatedTo(ChronoUnit.MICROS);
    state.openValues.put(sample, value);
    PointJudge.Point point = null;
    if (state.openValues.size() == product.subgroupSize()) {
      point = judge.judge(product, state, new Subgroup(number, List.copyOf(state.openValues.values())));
      unwritten.subgroups.put(number, new SubgroupStore.Row(number, product.subgroupSize(), true, point.mean(),
          point.dispersion(), point.limitVersion(), point.withinControl(), point.violations(), now));
      state.completed(point.mean());
    } else {
      unwritten.subgroups.put(number, new SubgroupStore.Row(number, state.openValues.size(), false, null, null, null,
          null, List.of(), null));
    }
    Placed placed = new Placed(new SubgroupStore.NewMeasurement(number, sample, value,
        product.spec().contains(value), measuredAt), point);
    unwritten.values.add(placed);
    return placed;
  }

  /** Writes the unwritten subgroups and values, then each value's event and alerts in order. */
  private List<Judged> write(Product product, Unwritten unwritten, AlertService.Raiser raiser, Caller user,
      Instant now) {
    if (unwritten.values.isEmpty()) {
      return List.of();
    }
    subgroups.upsert(product.id(), unwritten.subgroups.values());
    long[] ids = subgroups.insert(product.id(), unwritten.values.stream().map(Placed::value).toList(), now,
        user.id());
    List<Judged> judged = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      SubgroupStore.NewMeasurement value = unwritten.values.get(i).value();
      PointJudge.Point point = unwritten.values.get(i).point();
      Judged answer = new Judged(ids[i], product.id(), value.value(), value.subgroup(), value.sample(),
          point != null, value.withinSpec(), point == null ? null : point.withinControl(),
          point == null ? List.of() : point.violations(), point == null ? null : point.limitVersion(),
          value.measuredAt());
      MeasurementRecorded event = new MeasurementRecorded(answer.id(), product.id(), product.code(), product.name(),
          answer.value(), answer.subgroupNumber(), answer.sampleNumber(), answer.subgroupComplete(),
          answer.withinSpec(), answer.withinControl(), answer.violations(), answer.limitVersion(),
          answer.measuredAt(), user.id());
      events.append(product, EventType.SPC_MEASUREMENT_RECORDED, event, ChartAnnouncement.measurement(product, event));
      judge.raiseAlerts(raiser, product, answer);
      judged.add(answer);
    }
    unwritten.values.clear();
    unwritten.subgroups.clear();
    return judged;
  }

  private static long subgroupFor(ChartState state, MeasurementRequest request, String at) {
    long open = state.openNumber();
    if (request.subgroupNumber() != null && request.subgroupNumber() != open) {
      throw SpcProblems.invalid(at + "subgroupNumber", "must be " + open + ", the subgroup being filled"
          + (request.subgroupNumber() < open ? "; subgroup " + request.subgroupNumber() + " is complete"
              : "; subgroups are numbered without gaps") + ", got " + request.subgroupNumber());
    }
    return open;
  }

  private static int sampleFor(Product product, ChartState state, MeasurementRequest request, long number,
      String at) {
    if (request.sampleNumber() != null) {
      if (state.openValues.containsKey(request.sampleNumber())) {
        throw SpcProblems.invalid(at + "sampleNumber", "sample " + request.sampleNumber() + " of subgroup " + number
            + " is recorded already");
      }
      return request.sampleNumber();
    }
    for (int sample = 1; sample <= product.subgroupSize(); sample++) {
      if (!state.openValues.containsKey(sample)) {
        return sample;
      }
    }
    throw new IllegalStateException("subgroup " + number + " of product " + product.id() + " is full but open");
  }
}
