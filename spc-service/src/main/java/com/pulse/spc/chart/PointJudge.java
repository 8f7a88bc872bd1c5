package com.pulse.spc.chart;

import com.pulse.spc.alert.AlertService;
import com.pulse.spc.alert.AlertType;
import com.pulse.spc.product.Product;
import com.pulse.spc.statistics.ControlLimits;
import com.pulse.spc.statistics.Subgroup;
import com.pulse.spc.statistics.Violation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Judges a complete subgroup's point against the limit set in force (Phase II): within the location and dispersion
 * limits, and which run-rule tests fire — reading only the means of the last window of subgroups. Raises the alerts
 * a recorded value calls for.
 */
@Component
class PointJudge {

  /** A judged point; without a limit set only its statistics. */
  record Point(double mean, Double dispersion, Integer limitVersion, Boolean withinControl,
      List<Violation> violations) {}

  Point judge(Product product, ChartState state, Subgroup subgroup) {
    double mean = subgroup.mean();
    Double previous = state.previousMean();
    Double dispersion = product.chart().dispersion(
        previous == null ? null : Subgroup.of(subgroup.number() - 1, previous), subgroup);
    if (state.limits == null) {
      return new Point(mean, dispersion, null, null, List.of());
    }
    ControlLimits limits = state.limits.limits();
    List<Double> window = new ArrayList<>(state.recentMeans);
    window.add(mean);
    List<Violation> violations = new ArrayList<>(state.evaluator.judgeNewest(window));
    if (dispersion != null && violations.stream().noneMatch(v -> v.test() == 1)) {
      violations.addAll(state.evaluator.judgeDispersion(dispersion));
    }
    boolean within = limits.withinControl(mean) && (dispersion == null || limits.dispersionWithinControl(dispersion));
    return new Point(mean, dispersion, state.limits.version(), within, List.copyOf(violations));
  }

  /** OUT_OF_SPEC for a value outside LSL/USL; OUT_OF_CONTROL for test 1, RUN_RULE_VIOLATION for tests 2–8. */
  void raiseAlerts(AlertService.Raiser alerts, Product product, Judged value) {
    if (!value.withinSpec()) {
      boolean above = product.usl() != null && value.value() > product.usl();
      alerts.raise(AlertType.OUT_OF_SPEC, null, product.code() + " out of spec",
          "Value " + value.value() + (above ? " is above USL " + product.usl() : " is below LSL " + product.lsl())
              + " (subgroup " + value.subgroupNumber() + ", sample " + value.sampleNumber() + ")",
          value.limitVersion(), value.subgroupNumber());
    }
    for (Violation violation : value.violations()) {
      boolean outlier = violation.test() == 1;
      alerts.raise(outlier ? AlertType.OUT_OF_CONTROL : AlertType.RUN_RULE_VIOLATION, violation.test(),
          product.code() + (outlier ? " out of control" : ": run rule test " + violation.test()),
          "Subgroup " + value.subgroupNumber() + ": " + violation.description() + " (test " + violation.test()
              + ", limit set v" + value.limitVersion() + ")", value.limitVersion(), value.subgroupNumber());
    }
  }
}
