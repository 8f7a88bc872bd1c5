package com.pulse.spc.statistics;

import java.util.List;

/**
 * Minitab's "Normal Capability Analysis" with its default options: both within and overall analyses, a 6σ
 * tolerance, unbiasing constants for σ within (c4(d+1) on the pooled standard deviation; d2(2) on the average moving
 * range for individuals) and none for σ overall. Minitab stopped unbiasing σ overall by default in release 15
 * ("Use unbiasing constant to estimate overall standard deviation" is unchecked), so σ overall is the plain sample
 * standard deviation, as R's {@code sd()} and qcc's overall figures are.
 */
public final class CapabilityAnalysis {

  /** Confidence of the reported lower bound on Cpk. */
  public static final double CONFIDENCE = 0.95;

  private CapabilityAnalysis() {
  }

  /**
   * Analyzes values grouped by subgroup against a specification.
   *
   * @param subgroups every value, grouped in the subgroups they were taken in, in time order (the order matters for
   *     individuals, whose σ within comes from consecutive moving ranges); subgroups may differ in size
   * @throws IllegalArgumentException with fewer than two values
   */
  public static Capability analyze(List<Subgroup> subgroups, SpecLimits spec) {
    if (spec == null) {
      throw new IllegalArgumentException("a capability analysis needs specification limits");
    }
    int n = subgroups == null ? 0 : subgroups.stream().mapToInt(Subgroup::size).sum();
    if (n < 2) {
      throw new IllegalArgumentException("a capability analysis needs at least 2 values, got " + n);
    }
    double sum = 0;
    for (Subgroup subgroup : subgroups) {
      for (double value : subgroup.values()) {
        sum += value;
      }
    }
    double mean = sum / n;
    double squares = 0;
    for (Subgroup subgroup : subgroups) {
      for (double value : subgroup.values()) {
        squares += (value - mean) * (value - mean);
      }
    }
    Double sigmaOverall = positive(Math.sqrt(squares / (n - 1)));
    WithinSigma within = WithinSigma.estimate(subgroups);
    CapabilityIndices potential = CapabilityIndices.of(mean, within.sigma(), spec);
    CapabilityIndices overall = CapabilityIndices.of(mean, sigmaOverall, spec);
    return new Capability(n, mean, within.sigma(), sigmaOverall,
        potential.cp(), potential.cpu(), potential.cpl(), potential.cpk(),
        overall.cp(), overall.cpu(), overall.cpl(), overall.cpk(),
        cpm(subgroups, n, spec),
        potential.expectedPpm(), overall.expectedPpm(),
        cpkLowerBound(potential.cpk(), n, within.degreesOfFreedom(), CONFIDENCE));
  }

  /**
   * Minitab's Cpm: min(T − LSL, USL − T) / 3τ with τ = √(Σ(x − T)² / (N − 1)), using only the limits that exist
   * ((USL − LSL)/6τ when the target is the midpoint); {@code null} without a target.
   */
  static Double cpm(List<Subgroup> subgroups, int n, SpecLimits spec) {
    Double target = spec.target();
    if (target == null) {
      return null;
    }
    double squares = 0;
    for (Subgroup subgroup : subgroups) {
      for (double value : subgroup.values()) {
        squares += (value - target) * (value - target);
      }
    }
    double tau = Math.sqrt(squares / (n - 1));
    double halfTolerance = Math.min(spec.usl() == null ? Double.POSITIVE_INFINITY : spec.usl() - target,
        spec.lsl() == null ? Double.POSITIVE_INFINITY : target - spec.lsl());
    return tau > 0 ? CapabilityIndices.finite(halfTolerance / (3 * tau)) : null;
  }

  /**
   * The one-sided lower confidence bound on Cpk that Minitab documents (Bissell, 1990): Cpk − z·√(1/(9N) +
   * Cpk²/(2ν)), z the standard normal quantile at the confidence, ν the degrees of freedom of σ within.
   * At 0.975 it is the lower end of Minitab's two-sided 95 % interval.
   */
  static Double cpkLowerBound(Double cpk, int n, double degreesOfFreedom, double confidence) {
    if (cpk == null || !(degreesOfFreedom > 0)) {
      return null;
    }
    double z = CapabilityIndices.STANDARD_NORMAL.inverseCumulativeProbability(confidence);
    return CapabilityIndices.finite(cpk - z * Math.sqrt(1.0 / (9 * n) + cpk * cpk / (2 * degreesOfFreedom)));
  }

  private static Double positive(double sigma) {
    return sigma > 0 && Double.isFinite(sigma) ? sigma : null;
  }
}
