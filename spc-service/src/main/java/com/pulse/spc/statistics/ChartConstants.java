package com.pulse.spc.statistics;

import org.apache.commons.math3.special.Gamma;

/**
 * The control chart constants for subgroups of n = 2..25 (Montgomery, <i>Introduction to Statistical Quality
 * Control</i>, Appendix VI; ASTM MNL 7). d2 and d3 are moments of the range of n normal values and have no closed
 * form, so they are the published table, written once here; everything else is derived from them or from c4, whose
 * gamma-function formula is exact.
 *
 * <p>d2 has the three decimals every tool uses (Minitab, qcc, Montgomery), so σ = R̄/d2 gives the same digits as
 * they do. d3 has four decimals (as Minitab's table gives it): with the three-decimal textbook d3, D4(2) would come
 * out 3.269 instead of the published 3.267.
 */
public final class ChartConstants {

  /** Smallest subgroup size with a range: a chart of individuals uses moving ranges of two. */
  public static final int MIN_SUBGROUP_SIZE = 2;

  /** Largest subgroup size the tables (and the product configuration) cover. */
  public static final int MAX_SUBGROUP_SIZE = 25;

  /** d2(n): expected range of n standard normal values; index n - 2. */
  private static final double[] D2 = {
      1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078, 3.173, 3.258, 3.336,
      3.407, 3.472, 3.532, 3.588, 3.640, 3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931};

  /** d3(n): standard deviation of the range of n standard normal values; index n - 2. */
  private static final double[] D3 = {
      0.8525, 0.8884, 0.8798, 0.8641, 0.8480, 0.8332, 0.8198, 0.8078, 0.7971, 0.7873, 0.7785, 0.7704,
      0.7630, 0.7562, 0.7499, 0.7441, 0.7386, 0.7335, 0.7287, 0.7242, 0.7199, 0.7159, 0.7121, 0.7085};

  /**
   * E2 = 3/d2(2) ≈ 2.66: individuals chart limits are X̄ ± E2·MR̄, the moving range being of two consecutive
   * values.
   */
  public static final double E2 = 3 / d2(2);

  private ChartConstants() {
  }

  /** Expected range of n standard normal values; σ = R̄/d2(n). */
  public static double d2(int n) {
    return D2[tableIndex(n)];
  }

  /** Standard deviation of the range of n standard normal values; σ of R = d3(n)·σ. */
  public static double d3(int n) {
    return D3[tableIndex(n)];
  }

  /**
   * Expected sample standard deviation of n standard normal values, √(2/(n−1))·Γ(n/2)/Γ((n−1)/2); σ = S̄/c4(n).
   * Defined for any n ≥ 2 (capability uses c4(d+1) with d the pooled degrees of freedom).
   */
  public static double c4(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("c4 needs n >= 2, got " + n);
    }
    return Math.sqrt(2.0 / (n - 1)) * Math.exp(Gamma.logGamma(n / 2.0) - Gamma.logGamma((n - 1) / 2.0));
  }

  /** A2 = 3/(d2·√n): X̄ chart limits X̿ ± A2·R̄. */
  public static double a2(int n) {
    return 3 / (d2(n) * Math.sqrt(n));
  }

  /** A3 = 3/(c4·√n): X̄ chart limits X̿ ± A3·S̄. */
  public static double a3(int n) {
    checkTableSize(n);
    return 3 / (c4(n) * Math.sqrt(n));
  }

  /** D3 = max(0, 1 − 3·d3/d2): R chart lower limit D3·R̄. */
  public static double rangeChartLower(int n) {
    return Math.max(0, 1 - 3 * d3(n) / d2(n));
  }

  /** D4 = 1 + 3·d3/d2: R chart (and MR chart, with n = 2) upper limit D4·R̄. */
  public static double rangeChartUpper(int n) {
    return 1 + 3 * d3(n) / d2(n);
  }

  /** B3 = max(0, 1 − 3·√(1−c4²)/c4): S chart lower limit B3·S̄. */
  public static double sChartLower(int n) {
    checkTableSize(n);
    return Math.max(0, 1 - sChartHalfWidth(n));
  }

  /** B4 = 1 + 3·√(1−c4²)/c4: S chart upper limit B4·S̄. */
  public static double sChartUpper(int n) {
    checkTableSize(n);
    return 1 + sChartHalfWidth(n);
  }

  private static double sChartHalfWidth(int n) {
    double c4 = c4(n);
    return 3 * Math.sqrt(1 - c4 * c4) / c4;
  }

  private static int tableIndex(int n) {
    checkTableSize(n);
    return n - MIN_SUBGROUP_SIZE;
  }

  private static void checkTableSize(int n) {
    if (n < MIN_SUBGROUP_SIZE || n > MAX_SUBGROUP_SIZE) {
      throw new IllegalArgumentException(
          "chart constants exist for subgroup sizes " + MIN_SUBGROUP_SIZE + " to " + MAX_SUBGROUP_SIZE + ", got " + n);
    }
  }
}
