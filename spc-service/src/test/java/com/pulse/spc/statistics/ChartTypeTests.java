package com.pulse.spc.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Which chart a subgroup size calls for, and the points a subgroup puts on it. */
class ChartTypeTests {

  @Test
  void individualsUpToOneRangesUpToTenStandardDeviationsAbove() {
    assertThat(ChartType.forSubgroupSize(1)).isEqualTo(ChartType.I_MR);
    assertThat(ChartType.forSubgroupSize(2)).isEqualTo(ChartType.XBAR_R);
    assertThat(ChartType.forSubgroupSize(10)).isEqualTo(ChartType.XBAR_R);
    assertThat(ChartType.forSubgroupSize(11)).isEqualTo(ChartType.XBAR_S);
    assertThat(ChartType.forSubgroupSize(25)).isEqualTo(ChartType.XBAR_S);
  }

  @Test
  void pointsOfEachChart() {
    Subgroup first = Subgroup.of(1, 74.030, 74.002, 74.019, 73.992, 74.008);
    // Montgomery, Table 6.3, sample 1: x̄ = 74.010, r = 0.038.
    assertThat(ChartType.XBAR_R.location(first)).isCloseTo(74.010, within(0.0005));
    assertThat(ChartType.XBAR_R.dispersion(null, first)).isCloseTo(0.038, within(1e-9));
    assertThat(ChartType.XBAR_S.dispersion(null, first)).isEqualTo(first.standardDeviation());

    // NIST/SEMATECH §6.3.2.2: batches 1 and 2 (49.6, 47.6) have moving range 2.0; batch 1 has none.
    Subgroup one = Subgroup.of(1, 49.6);
    Subgroup two = Subgroup.of(2, 47.6);
    assertThat(ChartType.I_MR.location(two)).isEqualTo(47.6);
    assertThat(ChartType.I_MR.dispersion(null, one)).isNull();
    assertThat(ChartType.I_MR.dispersion(one, two)).isCloseTo(2.0, within(1e-9));
    assertThat(ChartType.I_MR.dispersionName()).isEqualTo("MR");
  }
}
