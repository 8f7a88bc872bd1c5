package com.pulse.spc.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phase I: control limits computed from a baseline of subgroups, as Minitab and qcc do by default — X̄-R with σ =
 * R̄/d2 for n = 2..10, X̄-S with σ = S̄/c4 for n = 11..25, I-MR with σ = MR̄/d2(2) for n = 1 — all at 3σ.
 *
 * <p>Subgroups can be left out of the baseline (a known special cause) without leaving the chart. For individuals a
 * moving range is taken only between two values that are both in the baseline and next to each other, so leaving a
 * value out also drops the two moving ranges it belongs to — what Minitab's "omit the following subgroups when
 * estimating parameters" does. Deleting the value from the data instead (as qcc's examples do) would bridge the gap
 * with a moving range across it and give slightly different limits.
 */
public final class PhaseOneLimits {

  private PhaseOneLimits() {
  }

  /** Limits from every subgroup of the baseline. */
  public static ControlLimits compute(int subgroupSize, List<Subgroup> baseline) {
    return compute(subgroupSize, baseline, Set.of());
  }

  /**
   * Limits from the baseline without the excluded subgroups.
   *
   * @param subgroupSize the product's n, 1 to 25; every subgroup of the baseline must be complete at n
   * @param baseline the subgroups in the order they were taken
   * @param excluded numbers of subgroups to leave out; each must be in the baseline
   * @throws IllegalArgumentException when the baseline cannot give limits, with a message saying why
   */
  public static ControlLimits compute(int subgroupSize, List<Subgroup> baseline, Collection<Long> excluded) {
    return compute(ChartType.forSubgroupSize(subgroupSize), subgroupSize, baseline, excluded);
  }

  /** Limits on a chart chosen by the caller rather than by n (textbooks show X̄-S on small subgroups, too). */
  static ControlLimits compute(ChartType chart, int subgroupSize, List<Subgroup> baseline,
      Collection<Long> excluded) {
    ChartType.forSubgroupSize(subgroupSize);
    if ((chart == ChartType.I_MR) != (subgroupSize == 1)) {
      throw new IllegalArgumentException(chart + " does not chart subgroups of " + subgroupSize);
    }
    List<Subgroup> used = check(subgroupSize, baseline, excluded == null ? Set.of() : Set.copyOf(excluded));
    return switch (chart) {
      case I_MR -> individuals(baseline, used);
      case XBAR_R -> meansAndRanges(subgroupSize, used);
      case XBAR_S -> meansAndStandardDeviations(subgroupSize, used);
    };
  }

  private static List<Subgroup> check(int subgroupSize, List<Subgroup> baseline, Set<Long> excluded) {
    if (baseline == null || baseline.isEmpty()) {
      throw new IllegalArgumentException("the baseline has no subgroups; limits need at least 2");
    }
    Set<Long> numbers = new HashSet<>();
    for (Subgroup subgroup : baseline) {
      if (!numbers.add(subgroup.number())) {
        throw new IllegalArgumentException("subgroup " + subgroup.number() + " appears twice in the baseline");
      }
    }
    for (Long number : excluded) {
      if (!numbers.contains(number)) {
        throw new IllegalArgumentException("cannot exclude subgroup " + number + ": it is not in the baseline");
      }
    }
    List<Subgroup> used = new ArrayList<>();
    for (Subgroup subgroup : baseline) {
      if (excluded.contains(subgroup.number())) {
        continue;
      }
      if (subgroup.size() != subgroupSize) {
        throw new IllegalArgumentException("subgroup " + subgroup.number() + " has " + subgroup.size()
            + (subgroup.size() == 1 ? " value" : " values") + " but this product's subgroups have " + subgroupSize
            + "; only complete subgroups can form a baseline");
      }
      used.add(subgroup);
    }
    if (used.size() < 2) {
      throw new IllegalArgumentException("a baseline needs at least 2 subgroups, got " + used.size()
          + (excluded.isEmpty() ? "" : " after excluding " + excluded.size()));
    }
    return used;
  }

  private static ControlLimits meansAndRanges(int n, List<Subgroup> used) {
    double grandMean = 0;
    double meanRange = 0;
    for (Subgroup subgroup : used) {
      grandMean += subgroup.mean();
      meanRange += subgroup.range();
    }
    grandMean /= used.size();
    meanRange /= used.size();
    double sigma = requireVariation(meanRange / ChartConstants.d2(n), "every subgroup's range is zero");
    return limits(ChartType.XBAR_R, n, used.size(), grandMean, sigma, meanRange,
        ChartConstants.rangeChartUpper(n) * meanRange, ChartConstants.rangeChartLower(n) * meanRange);
  }

  private static ControlLimits meansAndStandardDeviations(int n, List<Subgroup> used) {
    double grandMean = 0;
    double meanSd = 0;
    for (Subgroup subgroup : used) {
      grandMean += subgroup.mean();
      meanSd += subgroup.standardDeviation();
    }
    grandMean /= used.size();
    meanSd /= used.size();
    double sigma = requireVariation(meanSd / ChartConstants.c4(n), "every subgroup's standard deviation is zero");
    return limits(ChartType.XBAR_S, n, used.size(), grandMean, sigma, meanSd,
        ChartConstants.sChartUpper(n) * meanSd, ChartConstants.sChartLower(n) * meanSd);
  }

  private static ControlLimits individuals(List<Subgroup> baseline, List<Subgroup> used) {
    Set<Long> inBaseline = new HashSet<>();
    double sumOfValues = 0;
    for (Subgroup value : used) {
      sumOfValues += value.values().get(0);
      inBaseline.add(value.number());
    }
    double sumOfRanges = 0;
    int ranges = 0;
    for (int i = 1; i < baseline.size(); i++) {
      Subgroup previous = baseline.get(i - 1);
      Subgroup current = baseline.get(i);
      if (inBaseline.contains(previous.number()) && inBaseline.contains(current.number())) {
        sumOfRanges += Math.abs(current.values().get(0) - previous.values().get(0));
        ranges++;
      }
    }
    if (ranges == 0) {
      throw new IllegalArgumentException("no two values of the baseline are next to each other, so there is no "
          + "moving range to estimate sigma from");
    }
    double meanMovingRange = sumOfRanges / ranges;
    double sigma = requireVariation(meanMovingRange / ChartConstants.d2(2), "every moving range is zero");
    return limits(ChartType.I_MR, 1, used.size(), sumOfValues / used.size(), sigma, meanMovingRange,
        ChartConstants.rangeChartUpper(2) * meanMovingRange, ChartConstants.rangeChartLower(2) * meanMovingRange);
  }

  private static ControlLimits limits(ChartType chart, int n, int used, double center, double sigma,
      double dispersionCenter, double dispersionUcl, double dispersionLcl) {
    double plottedSigma = sigma / Math.sqrt(n);
    return new ControlLimits(chart, n, used, center, center + 3 * plottedSigma, center - 3 * plottedSigma,
        dispersionCenter, dispersionUcl, dispersionLcl, sigma, plottedSigma);
  }

  private static double requireVariation(double sigma, String why) {
    if (!(sigma > 0)) {
      throw new IllegalArgumentException("the baseline shows no variation (" + why + "), so control limits "
          + "would have zero width");
    }
    return sigma;
  }
}
