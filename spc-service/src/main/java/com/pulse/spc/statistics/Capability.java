package com.pulse.spc.statistics;

/**
 * A normal capability analysis as Minitab reports it by default. Values that cannot be computed — Cp and Pp of a
 * one-sided specification, Cpm without a target, anything divided by a zero σ — are {@code null}.
 *
 * @param n number of values
 * @param mean mean of all values
 * @param sigmaWithin σ within subgroups: pooled SD / c4(d+1), or MR̄/1.128 for individuals
 * @param sigmaOverall sample standard deviation of all values (divisor N − 1, no c4: Minitab's default)
 * @param cp (USL − LSL) / 6σ within
 * @param cpu (USL − mean) / 3σ within
 * @param cpl (mean − LSL) / 3σ within
 * @param cpk the smaller of CPU and CPL that are defined
 * @param pp (USL − LSL) / 6σ overall
 * @param ppu (USL − mean) / 3σ overall
 * @param ppl (mean − LSL) / 3σ overall
 * @param ppk the smaller of PPU and PPL that are defined
 * @param cpm Minitab's Cpm (overall, around the target); only with a target
 * @param expectedPpmWithin expected parts per million outside the specification, normal with σ within
 * @param expectedPpmOverall expected parts per million outside the specification, normal with σ overall
 * @param cpkLowerBound95 one-sided 95 % lower confidence bound for Cpk: Cpk − z·√(1/(9N) + Cpk²/(2ν)) with z =
 *     Φ⁻¹(0.95) ≈ 1.645 (Bissell's approximation, Minitab's "lower bound" option); Minitab's default two-sided 95 %
 *     interval puts its lower end lower, with z = 1.960
 */
public record Capability(
    int n,
    double mean,
    Double sigmaWithin,
    Double sigmaOverall,
    Double cp,
    Double cpu,
    Double cpl,
    Double cpk,
    Double pp,
    Double ppu,
    Double ppl,
    Double ppk,
    Double cpm,
    Double expectedPpmWithin,
    Double expectedPpmOverall,
    Double cpkLowerBound95) {
}
