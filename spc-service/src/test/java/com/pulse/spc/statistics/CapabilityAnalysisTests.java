package com.pulse.spc.statistics;

import static com.pulse.spc.statistics.PublishedData.NIST_FLOW_RATE;
import static com.pulse.spc.statistics.PublishedData.PISTON_RINGS;
import static com.pulse.spc.statistics.PublishedData.individuals;
import static com.pulse.spc.statistics.PublishedData.subgroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capability as Minitab's Normal Capability Analysis computes it by default. The ratios are checked against
 * published figures where a source prints them for a given σ; the σ estimates themselves are checked against their
 * definitions on data small enough to follow by hand, because no source found here prints a Minitab capability
 * report together with its raw data.
 */
class CapabilityAnalysisTests {

  private static final double Z_95 = 1.6448536269514722;

  @Test
  void ratiosOfThePistonRingsForQccsSigma() {
    // qcc vignette, processCapability(q, spec.limits = c(73.95, 74.05), target = 74.02) on the x̄ chart of the
    // piston rings (center 74.00118, σ = R̄/d2 = 0.009785039): Cp 1.703, Cp_l 1.743, Cp_u 1.663, Cp_k 1.663.
    // The center is X̿ = 1850.0294/25 = 74.001176 unrounded.
    CapabilityIndices indices = CapabilityIndices.of(74.001176, 0.009785039, SpecLimits.of(73.95, 74.05));
    assertThat(indices.cp()).isCloseTo(1.703, within(0.0005));
    assertThat(indices.cpl()).isCloseTo(1.743, within(0.0005));
    assertThat(indices.cpu()).isCloseTo(1.663, within(0.0005));
    assertThat(indices.cpk()).isCloseTo(1.663, within(0.0005));
    // Montgomery, 6th ed., §6.2.5: with σ̂ = 0.0099 the piston-ring process has PCR = Cp = 0.10/0.0594 = 1.68.
    assertThat(CapabilityIndices.of(74.001, 0.0099, SpecLimits.of(73.95, 74.05)).cp()).isCloseTo(1.68, within(0.005));
  }

  @Test
  void expectedFractionsOutsideANarrowSpecification() {
    // qcc vignette, processCapability(q, spec.limits = c(73.99, 74.01)): Cp 0.341, Cp_l 0.381, Cp_u 0.301,
    // Exp<LSL 13%, Exp>USL 18% (printed to two significant digits).
    CapabilityIndices indices = CapabilityIndices.of(74.001176, 0.009785039, SpecLimits.of(73.99, 74.01));
    assertThat(indices.cp()).isCloseTo(0.341, within(0.0005));
    assertThat(indices.cpl()).isCloseTo(0.381, within(0.0005));
    assertThat(indices.cpu()).isCloseTo(0.301, within(0.0005));
    assertThat(indices.ppmBelow() / 10_000).isCloseTo(13, within(0.5));
    assertThat(indices.ppmAbove() / 10_000).isCloseTo(18, within(0.5));
    assertThat(indices.expectedPpm()).isEqualTo(indices.ppmBelow() + indices.ppmAbove());
  }

  @Test
  void lowerConfidenceBoundOnCpkIsBissellsApproximation() {
    // Montgomery, 6th ed., §8.3.5: n = 20, Ĉpk = 1.33, approximate 95 % two-sided interval
    // Ĉpk[1 ± 1.96·√(1/(9nĈpk²) + 1/(2(n − 1)))] = 0.88 ≤ Cpk ≤ 1.78 — Minitab's formula with ν = n − 1; its lower
    // end is the one-sided bound at 97.5 %.
    assertThat(CapabilityAnalysis.cpkLowerBound(1.33, 20, 19, 0.975)).isCloseTo(0.88, within(0.005));
    assertThat(CapabilityAnalysis.cpkLowerBound(null, 20, 19, 0.95)).isNull();
    assertThat(CapabilityAnalysis.cpkLowerBound(1.33, 20, 0, 0.95)).isNull();
  }

  @Test
  void sigmaWithinIsThePooledStandardDeviationOverC4OfDPlusOne() {
    // Subgroups {1, 2, 3} and {4, 6, 8}: squares about their means 2 and 8, d = 2 + 2 = 4, Sp = √(10/4);
    // c4(5) = 0.9400 (Montgomery, Appendix VI). All six values: mean 4, squares 34, s = √(34/5).
    List<Subgroup> data = List.of(Subgroup.of(1, 1, 2, 3), Subgroup.of(2, 4, 6, 8));
    Capability capability = CapabilityAnalysis.analyze(data, new SpecLimits(0.0, 10.0, 5.0));

    double within = Math.sqrt(10.0 / 4) / 0.9400;
    double overall = Math.sqrt(34.0 / 5);
    assertThat(capability.n()).isEqualTo(6);
    assertThat(capability.mean()).isEqualTo(4.0);
    assertThat(capability.sigmaWithin()).isCloseTo(within, within(0.0001));
    assertThat(capability.sigmaOverall()).as("no c4 on σ overall").isCloseTo(overall, within(1e-12));
    assertThat(capability.cp()).isCloseTo(10 / (6 * within), within(0.0005));
    assertThat(capability.cpu()).isCloseTo(6 / (3 * within), within(0.0005));
    assertThat(capability.cpl()).isCloseTo(4 / (3 * within), within(0.0005));
    assertThat(capability.cpk()).isEqualTo(capability.cpl());
    assertThat(capability.pp()).isCloseTo(10 / (6 * overall), within(1e-12));
    assertThat(capability.ppu()).isCloseTo(6 / (3 * overall), within(1e-12));
    assertThat(capability.ppl()).isCloseTo(4 / (3 * overall), within(1e-12));
    assertThat(capability.ppk()).isEqualTo(capability.ppl());
    // Minitab's Cpm: min(T − LSL, USL − T)/3τ with τ² = Σ(x − T)²/(N − 1) = (16 + 9 + 4 + 1 + 1 + 9)/5 = 8.
    assertThat(capability.cpm()).isCloseTo(5 / (3 * Math.sqrt(8)), within(1e-12));
    // 95 % lower bound with ν = d = 4 and N = 6.
    double cpk = capability.cpk();
    assertThat(capability.cpkLowerBound95())
        .isCloseTo(cpk - Z_95 * Math.sqrt(1.0 / (9 * 6) + cpk * cpk / (2 * 4)), within(1e-9));
  }

  @Test
  void pooledSigmaOfThePistonRingsWeighsEverySubgroupByItsDegreesOfFreedom() {
    List<Subgroup> rings = subgroups(PISTON_RINGS, 25);
    double squares = 0;
    for (Subgroup subgroup : rings) {
      squares += subgroup.standardDeviation() * subgroup.standardDeviation() * 4;
    }
    Capability capability = CapabilityAnalysis.analyze(rings, SpecLimits.of(73.95, 74.05));

    assertThat(capability.sigmaWithin()).isCloseTo(Math.sqrt(squares / 100) / ChartConstants.c4(101), within(1e-12));
    double rangeSigma = PhaseOneLimits.compute(5, rings).sigmaWithin();
    assertThat(capability.sigmaWithin()).as("near, but not, the chart's R̄/d2").isCloseTo(rangeSigma, within(0.0005))
        .isNotCloseTo(rangeSigma, within(0.000001));
    assertThat(capability.mean()).isCloseTo(74.00118, within(0.000005));
  }

  @Test
  void individualsTakeSigmaWithinFromTheAverageMovingRange() {
    // NIST/SEMATECH e-Handbook §6.3.2.2: MR̄ = 1.8778, so σ within = 1.8778/1.128 — the same σ as the I chart.
    List<Subgroup> values = individuals(NIST_FLOW_RATE);
    Capability capability = CapabilityAnalysis.analyze(values, SpecLimits.of(44, 58));

    assertThat(capability.sigmaWithin()).isCloseTo(1.8778 / 1.128, within(0.0001))
        .isEqualTo(PhaseOneLimits.compute(1, values).sigmaWithin());
    double cpk = capability.cpk();
    assertThat(capability.cpkLowerBound95()).as("ν = N − 1 = 9 moving ranges")
        .isCloseTo(cpk - Z_95 * Math.sqrt(1.0 / (9 * 10) + cpk * cpk / (2 * 9)), within(1e-9));
  }

  @Test
  void oneSidedSpecificationsLeaveCpAndPpUndefined() {
    List<Subgroup> data = List.of(Subgroup.of(1, 1, 2, 3), Subgroup.of(2, 4, 6, 8));

    Capability upper = CapabilityAnalysis.analyze(data, new SpecLimits(null, 10.0, null));
    assertThat(upper.cp()).isNull();
    assertThat(upper.pp()).isNull();
    assertThat(upper.cpl()).isNull();
    assertThat(upper.cpk()).isEqualTo(upper.cpu()).isNotNull();
    assertThat(upper.ppk()).isEqualTo(upper.ppu()).isNotNull();
    assertThat(upper.cpm()).as("no target").isNull();
    assertThat(upper.expectedPpmOverall()).as("upper tail only")
        .isCloseTo(1e6 * (1 - CapabilityIndices.STANDARD_NORMAL.cumulativeProbability((10 - 4) / upper.sigmaOverall())),
            within(1e-6));

    Capability lower = CapabilityAnalysis.analyze(data, new SpecLimits(0.0, null, 2.0));
    assertThat(lower.cp()).isNull();
    assertThat(lower.cpk()).isEqualTo(lower.cpl()).isNotNull();
    // Minitab's Cpm with LSL and T only: (T − LSL)/3τ, τ² = (1 + 0 + 1 + 4 + 16 + 36)/5.
    assertThat(lower.cpm()).isCloseTo(2 / (3 * Math.sqrt(58.0 / 5)), within(1e-12));
  }

  @Test
  void whatCannotBeComputedIsNullNotNaN() {
    Capability flat = CapabilityAnalysis.analyze(List.of(Subgroup.of(1, 5, 5), Subgroup.of(2, 5, 5)),
        new SpecLimits(4.0, 6.0, 5.0));
    assertThat(flat.sigmaWithin()).isNull();
    assertThat(flat.sigmaOverall()).isNull();
    assertThat(flat.cp()).isNull();
    assertThat(flat.cpk()).isNull();
    assertThat(flat.pp()).isNull();
    assertThat(flat.ppk()).isNull();
    assertThat(flat.cpm()).as("every value on target").isNull();
    assertThat(flat.expectedPpmWithin()).isNull();
    assertThat(flat.expectedPpmOverall()).isNull();
    assertThat(flat.cpkLowerBound95()).isNull();
    assertThat(flat.mean()).isEqualTo(5.0);
  }

  @Test
  void refusesWhatCannotBeAnalyzed() {
    assertThatThrownBy(() -> CapabilityAnalysis.analyze(List.of(Subgroup.of(1, 5)), SpecLimits.of(4, 6)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a capability analysis needs at least 2 values, got 1");
    assertThatThrownBy(() -> SpecLimits.of(6, 6))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("LSL must be below USL, got LSL 6.0 and USL 6.0");
    assertThatThrownBy(() -> new SpecLimits(null, null, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one of LSL and USL");
    assertThatThrownBy(() -> new SpecLimits(4.0, 6.0, 7.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target must lie within");
    assertThatThrownBy(() -> new SpecLimits(Double.NaN, 6.0, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("LSL must be a finite number, got NaN");
  }
}
