package com.pulse.spc.statistics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The capability ratios of one σ (within or overall) against the specification, with a 6σ tolerance: Cp (or Pp) =
 * (USL − LSL)/6σ, CPU = (USL − μ)/3σ, CPL = (μ − LSL)/3σ, Cpk = the smaller of those defined; and the expected
 * parts per million beyond each limit under a normal distribution. What a one-sided specification or a zero σ
 * leaves undefined is {@code null}, never NaN.
 *
 * @param ppmBelow expected parts per million below LSL, {@code null} without an LSL
 * @param ppmAbove expected parts per million above USL, {@code null} without a USL
 */
record CapabilityIndices(Double cp, Double cpu, Double cpl, Double cpk, Double ppmBelow, Double ppmAbove) {

  static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1,
      NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

  private static final double MILLION = 1_000_000;

  static CapabilityIndices of(double mean, Double sigma, SpecLimits spec) {
    if (sigma == null || !(sigma > 0)) {
      return new CapabilityIndices(null, null, null, null, null, null);
    }
    Double cp = spec.twoSided() ? finite((spec.usl() - spec.lsl()) / (6 * sigma)) : null;
    Double cpu = spec.usl() == null ? null : finite((spec.usl() - mean) / (3 * sigma));
    Double cpl = spec.lsl() == null ? null : finite((mean - spec.lsl()) / (3 * sigma));
    Double cpk = cpu == null ? cpl : cpl == null ? cpu : Math.min(cpu, cpl);
    // the upper tail as Φ(−z) rather than 1 − Φ(z), which would lose a capable process's few ppm to rounding
    Double below = spec.lsl() == null ? null
        : finite(MILLION * STANDARD_NORMAL.cumulativeProbability((spec.lsl() - mean) / sigma));
    Double above = spec.usl() == null ? null
        : finite(MILLION * STANDARD_NORMAL.cumulativeProbability((mean - spec.usl()) / sigma));
    return new CapabilityIndices(cp, cpu, cpl, cpk, below, above);
  }

  /** Expected parts per million outside the specification, both sides together. */
  Double expectedPpm() {
    if (cpk == null) {
      return null;
    }
    return (ppmBelow == null ? 0 : ppmBelow) + (ppmAbove == null ? 0 : ppmAbove);
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
