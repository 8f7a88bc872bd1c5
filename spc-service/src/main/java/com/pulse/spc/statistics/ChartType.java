package com.pulse.spc.statistics;

/**
 * Which pair of charts a product's subgroup size calls for: individuals and moving range for single values, X̄ and
 * range up to ten (the range wastes little information in small subgroups), X̄ and standard deviation above.
 */
public enum ChartType {
  /** Individuals (I) and moving range of two (MR), for n = 1. */
  I_MR,
  /** Subgroup means (X̄) and ranges (R), for n = 2..10. */
  XBAR_R,
  /** Subgroup means (X̄) and standard deviations (S), for n = 11..25. */
  XBAR_S;

  /** Largest subgroup size charted with ranges. */
  public static final int MAX_RANGE_SUBGROUP = 10;

  /** The chart for subgroups of {@code n} values (1 to 25). */
  public static ChartType forSubgroupSize(int n) {
    if (n < 1 || n > ChartConstants.MAX_SUBGROUP_SIZE) {
      throw new IllegalArgumentException(
          "subgroup size must be from 1 to " + ChartConstants.MAX_SUBGROUP_SIZE + ", got " + n);
    }
    if (n == 1) {
      return I_MR;
    }
    return n <= MAX_RANGE_SUBGROUP ? XBAR_R : XBAR_S;
  }

  /** The point a subgroup puts on the location chart: its mean (the value itself for individuals). */
  public double location(Subgroup subgroup) {
    return subgroup.mean();
  }

  /**
   * The point a subgroup puts on the dispersion chart: its range (X̄-R), its standard deviation (X̄-S), or for
   * individuals the moving range from the value before it — {@code null} for the first value, which has none.
   *
   * @param previous the subgroup taken just before, or {@code null}; only individuals use it
   */
  public Double dispersion(Subgroup previous, Subgroup current) {
    return switch (this) {
      case I_MR -> previous == null ? null : Math.abs(current.values().get(0) - previous.values().get(0));
      case XBAR_R -> current.range();
      case XBAR_S -> current.standardDeviation();
    };
  }

  /** The name of the dispersion chart, as people call it: MR, R or S. */
  public String dispersionName() {
    return switch (this) {
      case I_MR -> "MR";
      case XBAR_R -> "R";
      case XBAR_S -> "S";
    };
  }
}
