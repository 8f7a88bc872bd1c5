package com.pulse.spc.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges points of a location chart (X̄ or I) against a limit set with a product's run rules, and points of its
 * dispersion chart (R, S or MR) with test 1, as Minitab flags both charts.
 *
 * <p>Judging the newest point reads only the last {@link #window()} points — at most 30, whatever the history — so
 * a new measurement costs the same with a thousand stored points as with a million.
 */
public final class RunRuleEvaluator {

  private final ControlLimits limits;
  private final RunRules rules;
  private final int window;

  public RunRuleEvaluator(ControlLimits limits, RunRules rules) {
    if (limits == null || rules == null) {
      throw new IllegalArgumentException("judging points needs a limit set and run rules");
    }
    this.limits = limits;
    this.rules = rules;
    this.window = rules.window();
  }

  /** How many of the newest points {@link #judgeNewest(List)} reads. */
  public int window() {
    return window;
  }

  /**
   * The tests that fire on the newest point.
   *
   * @param recent plotted values (subgroup means or individuals), oldest first, ending with the point to judge;
   *     only the last {@link #window()} are read, so the caller need not pass more
   * @return the violations in test-number order; empty when the point is unremarkable
   */
  public List<Violation> judgeNewest(List<Double> recent) {
    if (recent == null || recent.isEmpty()) {
      throw new IllegalArgumentException("there is no point to judge");
    }
    int from = Math.max(0, recent.size() - window);
    double[] values = new double[recent.size() - from];
    double[] sigmas = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      Double value = recent.get(from + i);
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException("a plotted value must be a finite number, got " + value);
      }
      values[i] = value;
      sigmas[i] = limits.sigmasFromCenter(value);
    }
    List<Violation> violations = new ArrayList<>();
    for (NelsonTest test : NelsonTest.values()) {
      if (!rules.isOn(test)) {
        continue;
      }
      int k = rules.k(test);
      int testWindow = Math.min(test.window(k), values.length);
      double[] testValues = tail(values, testWindow);
      if (test.fires(testValues, tail(sigmas, testWindow), k)) {
        violations.add(Violation.of(test, k));
      }
    }
    return List.copyOf(violations);
  }

  /** Every point of a chart judged as it arrived, from the points before it: one list of violations per point. */
  public List<List<Violation>> judgeSeries(List<Double> points) {
    List<List<Violation>> judged = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      judged.add(judgeNewest(points.subList(Math.max(0, i + 1 - window), i + 1)));
    }
    return List.copyOf(judged);
  }

  /**
   * Test 1 on the dispersion chart: a range, standard deviation or moving range beyond that chart's limits. Empty
   * when test 1 is off.
   */
  public List<Violation> judgeDispersion(double dispersion) {
    if (!Double.isFinite(dispersion) || dispersion < 0) {
      throw new IllegalArgumentException("a range or standard deviation must be a finite number >= 0, got "
          + dispersion);
    }
    if (!rules.isOn(NelsonTest.OUTLIER) || limits.dispersionWithinControl(dispersion)) {
      return List.of();
    }
    return List.of(new Violation(NelsonTest.OUTLIER.number(),
        "1 point beyond the control limits of the " + limits.chart().dispersionName() + " chart"));
  }

  private static double[] tail(double[] array, int length) {
    double[] tail = new double[length];
    System.arraycopy(array, array.length - length, tail, 0, length);
    return tail;
  }
}
