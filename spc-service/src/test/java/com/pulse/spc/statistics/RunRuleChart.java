package com.pulse.spc.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An individuals chart centred on 0 with σ = 1, so a point's value is its distance from the center line in σ —
 * the sequences in the run-rule tests read as zones.
 */
final class RunRuleChart {

  static final ControlLimits UNIT = new ControlLimits(ChartType.I_MR, 1, 25, 0, 3, -3, 1.128,
      ChartConstants.rangeChartUpper(2) * 1.128, 0, 1, 1);

  private RunRuleChart() {
  }

  /** The tests that fired on each point of the series, keyed by the point's position from 1; quiet points left out. */
  static Map<Integer, List<Integer>> firedTests(RunRules rules, double... sigmas) {
    List<Double> points = new ArrayList<>();
    for (double sigma : sigmas) {
      points.add(sigma);
    }
    List<List<Violation>> judged = new RunRuleEvaluator(UNIT, rules).judgeSeries(points);
    Map<Integer, List<Integer>> fired = new TreeMap<>();
    for (int i = 0; i < judged.size(); i++) {
      if (!judged.get(i).isEmpty()) {
        fired.put(i + 1, judged.get(i).stream().map(Violation::test).toList());
      }
    }
    return fired;
  }

  /** The same with all eight tests at Minitab's default K. */
  static Map<Integer, List<Integer>> firedTests(double... sigmas) {
    return firedTests(RunRules.allEight(), sigmas);
  }
}
