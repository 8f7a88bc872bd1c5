package com.pulse.spc.chart;

import com.pulse.events.EventType;
import com.pulse.identity.Caller;
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
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records values, one command (a value or a batch) in one transaction with the product's row locked: concurrent
 * operators on one product take turns, so a subgroup is never overfilled and no value lost (the unique key on
 * product, subgroup and sample backs this). A value that completes its subgroup has the subgroup's point judged
 * ({@link PointJudge}); the default baseline is frozen when it exists.
 */
@Service
class MeasurementService {

  private final ProductRepository products;
  private final SubgroupStore subgroups;
  private final LimitSetStore limitSets;
  private final LimitService limitService;
  private final PointJudge judge;
  private final ProductEvents events;
  private final Clock clock = Clock.systemUTC();

  MeasurementService(ProductRepository products, SubgroupStore subgroups, LimitSetStore limitSets,
      LimitService limitService, PointJudge judge, ProductEvents events) {
    this.products = products;
    this.subgroups = subgroups;
    this.limitSets = limitSets;
    this.limitService = limitService;
    this.judge = judge;
    this.events = events;
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
    List<Judged> judged = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      judged.add(recordOne(product, state, requests.get(i), Measurements.field(prefix, i), user, now));
    }
    return judged;
  }

  private ChartState load(Product product) {
    RunRules rules = product.runRules();
    ChartState state = new ChartState(rules.window(), subgroups.recentMeans(product.id(), rules.window()));
    subgroups.last(product.id()).ifPresent(last -> {
      state.lastNumber = last.number();
      state.lastComplete = last.complete();
      if (!last.complete()) {
        state.openValues.putAll(subgroups.values(product.id(), last.number()));
      }
    });
    limitSets.current(product.id()).ifPresent(set -> use(state, set, rules));
    return state;
  }

  private static void use(ChartState state, LimitSet set, RunRules rules) {
    state.limits = set;
    state.evaluator = new RunRuleEvaluator(set.limits(), rules);
  }

  private Judged recordOne(Product product, ChartState state, MeasurementRequest request, String at, Caller user,
      Instant now) {
    long number = subgroupFor(state, request, at);
    if (number > state.lastNumber) {
      subgroups.openSubgroup(product.id(), number);
      state.lastNumber = number;
      state.lastComplete = false;
    }
    int sample = sampleFor(product, state, request, number, at);
    double value = request.value();
    boolean withinSpec = product.spec().contains(value);
    Instant measuredAt = request.measuredAt() == null ? now : request.measuredAt().truncatedTo(ChronoUnit.MICROS);
    long id = subgroups.insertMeasurement(product.id(), number, sample, value, withinSpec, measuredAt, now,
        user.id());
    state.openValues.put(sample, value);
    PointJudge.Point point = null;
    if (state.openValues.size() == product.subgroupSize()) {
      Subgroup subgroup = new Subgroup(number, List.copyOf(state.openValues.values()));
      point = judge.judge(product, state, subgroup);
      subgroups.complete(product.id(), number, point.mean(), point.dispersion(), point.limitVersion(),
          point.withinControl(), point.violations(), now);
      state.completed(point.mean());
    }
    Judged answer = new Judged(id, product.id(), value, number, sample, point != null, withinSpec,
        point == null ? null : point.withinControl(), point == null ? List.of() : point.violations(),
        point == null ? null : point.limitVersion(), measuredAt);
    MeasurementRecorded event = new MeasurementRecorded(id, product.id(), product.code(), product.name(), value,
        number, sample, answer.subgroupComplete(), withinSpec, answer.withinControl(), answer.violations(),
        answer.limitVersion(), measuredAt, user.id());
    events.append(product, EventType.SPC_MEASUREMENT_RECORDED, event, ChartAnnouncement.measurement(product, event));
    judge.raiseAlerts(product, answer);
    if (point != null && state.limits == null) {
      limitService.freezeDefaultBaseline(product, now).ifPresent(set -> use(state, set, product.runRules()));
    }
    return answer;
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
