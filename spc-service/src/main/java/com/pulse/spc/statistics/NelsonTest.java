package com.pulse.spc.statistics;

/**
 * The eight tests for special causes, numbered and defined as Minitab numbers and defines them (after Nelson, 1984),
 * each with Minitab's default K. Every test judges the newest point from the few points before it: it fires on the
 * point that completes the pattern.
 *
 * <p>Edge cases, pinned by the tests: a point exactly on the center line is on neither side and breaks a run of
 * test 2; "K points in a row" counts points, not steps, so test 3's six points are five increases; two equal
 * neighbours break tests 3 and 4; tests 5 and 6 count within the newest K+1 points, on the newest point's side, and
 * fire only when the newest point is itself beyond the zone (so a pattern is reported once, where it appears).
 * Tests 5 and 6 may fire before K+1 points exist, once K of them are beyond.
 */
public enum NelsonTest {

  /** Test 1: one point more than K = 3 σ from the center line (outside the control limits). */
  OUTLIER(1, 3, 1, 6),
  /** Test 2: K = 9 points in a row on the same side of the center line (a shift). */
  SHIFT_RUN(2, 9, 2, 30),
  /** Test 3: K = 6 points in a row all increasing or all decreasing (a trend). */
  TREND(3, 6, 3, 30),
  /** Test 4: K = 14 points in a row alternating up and down (systematic variation). */
  ALTERNATION(4, 14, 3, 30),
  /** Test 5: K = 2 out of K + 1 points more than 2 σ from the center line, same side (a small shift). */
  TWO_SIGMA_SHIFT(5, 2, 1, 29),
  /** Test 6: K = 4 out of K + 1 points more than 1 σ from the center line, same side (a small shift). */
  ONE_SIGMA_SHIFT(6, 4, 1, 29),
  /** Test 7: K = 15 points in a row within 1 σ of the center line, either side (stratification). */
  STRATIFICATION(7, 15, 2, 30),
  /** Test 8: K = 8 points in a row more than 1 σ from the center line, either side (a mixture). */
  MIXTURE(8, 8, 2, 30);

  private final int number;
  private final int defaultK;
  private final int minK;
  private final int maxK;

  NelsonTest(int number, int defaultK, int minK, int maxK) {
    this.number = number;
    this.defaultK = defaultK;
    this.minK = minK;
    this.maxK = maxK;
  }

  /** Minitab's test number, 1 to 8. */
  public int number() {
    return number;
  }

  /** Minitab's default K. */
  public int defaultK() {
    return defaultK;
  }

  /** Smallest K that still describes the pattern. */
  public int minK() {
    return minK;
  }

  /** Largest K accepted; it bounds the window any evaluation reads. */
  public int maxK() {
    return maxK;
  }

  /** The test with Minitab's number. */
  public static NelsonTest byNumber(int number) {
    for (NelsonTest test : values()) {
      if (test.number == number) {
        return test;
      }
    }
    throw new IllegalArgumentException("unknown test " + number + "; the tests for special causes are numbered 1 to 8");
  }

  /** How many of the newest points the test reads with this K. */
  public int window(int k) {
    return switch (this) {
      case OUTLIER -> 1;
      case TWO_SIGMA_SHIFT, ONE_SIGMA_SHIFT -> k + 1;
      default -> k;
    };
  }

  /** What the test looks for, in Minitab's words, with this K. */
  public String describe(int k) {
    return switch (this) {
      case OUTLIER -> "1 point more than " + k + (k == 1 ? " standard deviation" : " standard deviations")
          + " from the center line";
      case SHIFT_RUN -> k + " points in a row on one side of the center line";
      case TREND -> k + " points in a row, all increasing or all decreasing";
      case ALTERNATION -> k + " points in a row, alternating up and down";
      case TWO_SIGMA_SHIFT -> k + " out of " + (k + 1)
          + " points more than 2 standard deviations from the center line (same side)";
      case ONE_SIGMA_SHIFT -> k + " out of " + (k + 1)
          + " points more than 1 standard deviation from the center line (same side)";
      case STRATIFICATION -> k + " points in a row within 1 standard deviation of the center line (either side)";
      case MIXTURE -> k + " points in a row more than 1 standard deviation from the center line (either side)";
    };
  }

  /**
   * Whether the newest point completes the pattern.
   *
   * @param values the newest points, oldest first, at most {@link #window(int)} of them
   * @param sigmas the same points as signed distances from the center line in σ of the plotted statistic
   */
  boolean fires(double[] values, double[] sigmas, int k) {
    int last = values.length - 1;
    return switch (this) {
      case OUTLIER -> Math.abs(sigmas[last]) > k;
      case SHIFT_RUN -> Patterns.allInRow(sigmas, k, z -> z > 0) || Patterns.allInRow(sigmas, k, z -> z < 0);
      case TREND -> Patterns.monotone(values, k);
      case ALTERNATION -> Patterns.alternating(values, k);
      case TWO_SIGMA_SHIFT -> Patterns.kOfKPlusOneBeyond(sigmas, k, 2);
      case ONE_SIGMA_SHIFT -> Patterns.kOfKPlusOneBeyond(sigmas, k, 1);
      case STRATIFICATION -> Patterns.allInRow(sigmas, k, z -> Math.abs(z) <= 1);
      case MIXTURE -> Patterns.allInRow(sigmas, k, z -> Math.abs(z) > 1);
    };
  }
}
