package com.pulse.spc.statistics;

import static com.pulse.spc.statistics.PublishedData.LOAN_COSTS;
import static com.pulse.spc.statistics.PublishedData.NIST_FLOW_RATE;
import static com.pulse.spc.statistics.PublishedData.PISTON_RINGS;
import static com.pulse.spc.statistics.PublishedData.VISCOSITY;
import static com.pulse.spc.statistics.PublishedData.individuals;
import static com.pulse.spc.statistics.PublishedData.subgroups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Phase I limits against published worked examples, to the three decimals the sources print. */
class PhaseOneLimitsTests {

  /** A value printed to three decimals is within half a unit of the last place of the exact one. */
  private static final Offset<Double> THREE_DECIMALS = within(0.0005 + 1e-12);

  @Test
  void xbarRangeChartOfThePistonRings() {
    ControlLimits limits = PhaseOneLimits.compute(5, subgroups(PISTON_RINGS, 25));

    assertThat(limits.chart()).isEqualTo(ChartType.XBAR_R);
    assertThat(limits.subgroupsUsed()).isEqualTo(25);
    // Montgomery, Introduction to Statistical Quality Control, 6th ed., §6.2 (Table 6.3): X̿ = 74.001,
    // R̄ = 0.023, x̄ chart UCL = 74.014, LCL = 73.988.
    assertThat(limits.centerLine()).isCloseTo(74.001, THREE_DECIMALS);
    assertThat(limits.dispersionCenterLine()).isCloseTo(0.023, THREE_DECIMALS);
    assertThat(limits.ucl()).isCloseTo(74.014, THREE_DECIMALS);
    assertThat(limits.lcl()).isCloseTo(73.988, THREE_DECIMALS);
    // Montgomery's R chart: LCL = 0 and UCL = D4·R̄ = 2.114 × 0.023 = 0.049, with R̄ rounded to 0.023 first; the
    // unrounded R̄ is 0.02276 (below), so the limit agrees to the book's rounding of R̄ (2.114 × 0.0005).
    assertThat(limits.dispersionLcl()).isZero();
    assertThat(limits.dispersionUcl()).isCloseTo(0.049, within(2.114 * 0.0005 + 0.0005));
    // qcc vignette, qcc(diameter[1:25,], type = "xbar") and type = "R": center 74.00118, standard deviation
    // 0.009785039, limits 73.98805 and 74.0143; R center 0.02276, UCL 0.04812533.
    assertThat(limits.centerLine()).isCloseTo(74.00118, within(0.000005));
    assertThat(limits.sigmaWithin()).isCloseTo(0.009785039, within(0.0000000005));
    assertThat(limits.lcl()).isCloseTo(73.98805, within(0.000005));
    assertThat(limits.ucl()).isCloseTo(74.0143, within(0.00005));
    assertThat(limits.dispersionCenterLine()).isCloseTo(0.02276, within(0.000005));
    assertThat(limits.dispersionUcl()).isCloseTo(0.048125, THREE_DECIMALS);
    assertThat(limits.plottedSigma()).isCloseTo(limits.sigmaWithin() / Math.sqrt(5), within(1e-15));
  }

  @Test
  void xbarSChartOfThePistonRings() {
    ControlLimits limits = PhaseOneLimits.compute(ChartType.XBAR_S, 5, subgroups(PISTON_RINGS, 25), Set.of());

    // Montgomery, 6th ed., §6.3 (x̄ and s charts for the piston rings, A3 = 1.427): UCL = 74.014, LCL = 73.988.
    assertThat(limits.ucl()).isCloseTo(74.014, THREE_DECIMALS);
    assertThat(limits.lcl()).isCloseTo(73.988, THREE_DECIMALS);
    // qcc vignette, qcc(diameter[1:25,], type = "S"): center 0.009240037, standard deviation 0.009829977 (S̄/c4),
    // LCL 0, UCL 0.01930242.
    assertThat(limits.dispersionCenterLine()).isCloseTo(0.009240037, within(0.0000000005));
    assertThat(limits.sigmaWithin()).isCloseTo(0.009829977, within(0.0000000005));
    assertThat(limits.dispersionLcl()).isZero();
    assertThat(limits.dispersionUcl()).isCloseTo(0.01930242, within(0.000000005));
  }

  @Test
  void subgroupsOfMoreThanTenAreChartedWithStandardDeviations() {
    // Twelve values per subgroup; limits must be X̿ ± A3·S̄ and B3·S̄, B4·S̄ with the table's A3 = 0.886,
    // B3 = 0.354, B4 = 1.646 for n = 12 (Montgomery, Appendix VI).
    double[][] rows = new double[20][12];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < 12; j++) {
        rows[i][j] = 50 + ((i * 7 + j * 13) % 17) * 0.25 - (i % 3) * 0.5;
      }
    }
    ControlLimits limits = PhaseOneLimits.compute(12, subgroups(rows));

    double grandMean = 0;
    double meanSd = 0;
    for (double[] row : rows) {
      double mean = 0;
      for (double value : row) {
        mean += value / row.length;
      }
      double squares = 0;
      for (double value : row) {
        squares += (value - mean) * (value - mean);
      }
      grandMean += mean / rows.length;
      meanSd += Math.sqrt(squares / (row.length - 1)) / rows.length;
    }
    assertThat(limits.chart()).isEqualTo(ChartType.XBAR_S);
    assertThat(limits.centerLine()).isCloseTo(grandMean, within(1e-9));
    assertThat(limits.dispersionCenterLine()).isCloseTo(meanSd, within(1e-9));
    assertThat(limits.ucl()).isCloseTo(grandMean + 0.886 * meanSd, within(0.0005 * meanSd));
    assertThat(limits.lcl()).isCloseTo(grandMean - 0.886 * meanSd, within(0.0005 * meanSd));
    assertThat(limits.dispersionUcl()).isCloseTo(1.646 * meanSd, within(0.0005 * meanSd));
    assertThat(limits.dispersionLcl()).isCloseTo(0.354 * meanSd, within(0.0005 * meanSd));
    assertThat(PhaseOneLimits.compute(11, subgroups(trim(rows, 11))).chart()).isEqualTo(ChartType.XBAR_S);
    assertThat(PhaseOneLimits.compute(10, subgroups(trim(rows, 10))).chart()).isEqualTo(ChartType.XBAR_R);
  }

  @Test
  void individualsChartOfTheLoanProcessingCosts() {
    ControlLimits limits = PhaseOneLimits.compute(1, individuals(LOAN_COSTS));

    // Montgomery, 6th ed., Example 6.5: x̄ = 300.5, MR̄ = 7.79, I chart UCL = 321.22, LCL = 279.78; MR chart
    // UCL = D4·MR̄ = 3.267 × 7.79 = 25.45, LCL = 0. The book prints two decimals.
    assertThat(limits.chart()).isEqualTo(ChartType.I_MR);
    assertThat(limits.centerLine()).isCloseTo(300.5, within(0.005));
    assertThat(limits.dispersionCenterLine()).isCloseTo(7.79, within(0.005));
    assertThat(limits.ucl()).isCloseTo(321.22, within(0.005));
    assertThat(limits.lcl()).isCloseTo(279.78, within(0.005));
    assertThat(limits.dispersionUcl()).isCloseTo(25.45, within(0.005));
    assertThat(limits.dispersionLcl()).isZero();
    assertThat(limits.sigmaWithin()).isEqualTo(limits.plottedSigma());
  }

  @Test
  void individualsChartOfTheNistFlowRates() {
    ControlLimits limits = PhaseOneLimits.compute(1, individuals(NIST_FLOW_RATE));

    // NIST/SEMATECH e-Handbook §6.3.2.2: x̄ = 50.81, MR̄ = 1.8778, UCL = 55.8041, LCL = 45.8159; MR chart
    // UCL = 6.1347, LCL = 0. The handbook takes D4 = 3.267 (ours is 3.2673), hence the wider offset there.
    assertThat(limits.centerLine()).isCloseTo(50.81, THREE_DECIMALS);
    assertThat(limits.dispersionCenterLine()).isCloseTo(1.8778, THREE_DECIMALS);
    assertThat(limits.ucl()).isCloseTo(55.8041, THREE_DECIMALS);
    assertThat(limits.lcl()).isCloseTo(45.8159, THREE_DECIMALS);
    assertThat(limits.dispersionUcl()).isCloseTo(6.1347, within(0.001));
    assertThat(limits.dispersionLcl()).isZero();
  }

  @Test
  void individualsChartOfTheViscosity() {
    ControlLimits limits = PhaseOneLimits.compute(1, individuals(VISCOSITY));

    // qcc vignette, qcc(viscosity[trial], type = "xbar.one"): center 34.088, standard deviation 0.5076521,
    // LCL 32.56504, UCL 35.61096.
    assertThat(limits.centerLine()).isCloseTo(34.088, within(0.0000005));
    assertThat(limits.sigmaWithin()).isCloseTo(0.5076521, within(0.00000005));
    assertThat(limits.lcl()).isCloseTo(32.56504, within(0.000005));
    assertThat(limits.ucl()).isCloseTo(35.61096, within(0.000005));
  }

  @Test
  void excludingAValueDropsItsMovingRangesInsteadOfBridgingTheGap() {
    // qcc's vignette deletes batch 4 (a failed temperature controller) and gets center 33.98947 and standard
    // deviation 0.4117415: deleting bridges batches 3 and 5 with one moving range.
    List<Subgroup> deleted = new ArrayList<>(individuals(VISCOSITY));
    deleted.remove(3);
    ControlLimits withoutTheRow = PhaseOneLimits.compute(1, deleted);
    assertThat(withoutTheRow.centerLine()).isCloseTo(33.98947, within(0.000005));
    assertThat(withoutTheRow.sigmaWithin()).isCloseTo(0.4117415, within(0.00000005));

    // Excluding batch 4 from the estimate keeps it on the chart and uses only the 17 moving ranges between two
    // baseline values that are next to each other, as Minitab's "omit subgroups when estimating" does.
    ControlLimits excluded = PhaseOneLimits.compute(1, individuals(VISCOSITY), Set.of(4L));
    double sum = 0;
    int ranges = 0;
    for (int i = 1; i < VISCOSITY.length; i++) {
      if (i != 3 && i != 4) {
        sum += Math.abs(VISCOSITY[i] - VISCOSITY[i - 1]);
        ranges++;
      }
    }
    assertThat(ranges).isEqualTo(17);
    assertThat(excluded.subgroupsUsed()).isEqualTo(19);
    assertThat(excluded.centerLine()).isCloseTo(33.98947, within(0.000005));
    assertThat(excluded.dispersionCenterLine()).isCloseTo(sum / ranges, within(1e-12));
    assertThat(excluded.sigmaWithin()).isCloseTo(sum / ranges / 1.128, within(1e-12))
        .isNotCloseTo(withoutTheRow.sigmaWithin(), within(0.01));
  }

  @Test
  void excludingSubgroupsIsTheSameAsLeavingThemOutOfTheBaseline() {
    List<Subgroup> all = subgroups(PISTON_RINGS, 25);
    List<Subgroup> kept = new ArrayList<>(all);
    kept.removeIf(subgroup -> subgroup.number() == 3 || subgroup.number() == 14);

    ControlLimits excluded = PhaseOneLimits.compute(5, all, List.of(3L, 14L));
    ControlLimits leftOut = PhaseOneLimits.compute(5, kept);

    assertThat(excluded).isEqualTo(leftOut);
    assertThat(excluded.subgroupsUsed()).isEqualTo(23);
    assertThat(excluded.ucl()).isNotEqualTo(PhaseOneLimits.compute(5, all).ucl());
  }

  private static double[][] trim(double[][] rows, int width) {
    double[][] trimmed = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      trimmed[i] = Arrays.copyOf(rows[i], width);
    }
    return trimmed;
  }
}
