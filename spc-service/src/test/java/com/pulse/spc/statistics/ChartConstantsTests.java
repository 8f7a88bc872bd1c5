package com.pulse.spc.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The constants against the published table: Montgomery, <i>Introduction to Statistical Quality Control</i>, 6th ed.
 * (2009), Appendix VI, "Factors for Constructing Variables Control Charts" (the same figures as ASTM MNL 7 and the
 * NIST/SEMATECH e-Handbook §6.3.2). The table prints three decimals (c4 four), so derived constants must agree to
 * within its rounding; in two places (D4 at n = 18, D3 at n = 24) the table itself is a rounding step off the exact
 * value, which the tolerance of 0.001 admits.
 */
class ChartConstantsTests {

  private static final double TABLE_ROUNDING = 0.001;

  @ParameterizedTest(name = "n = {0}")
  @CsvSource({
      // n,  A2,    A3,    c4,     B3,    B4,    d2,    d3,    D3,    D4
      "2,  1.880, 2.659, 0.7979, 0,     3.267, 1.128, 0.853, 0,     3.267",
      "3,  1.023, 1.954, 0.8862, 0,     2.568, 1.693, 0.888, 0,     2.574",
      "4,  0.729, 1.628, 0.9213, 0,     2.266, 2.059, 0.880, 0,     2.282",
      "5,  0.577, 1.427, 0.9400, 0,     2.089, 2.326, 0.864, 0,     2.114",
      "6,  0.483, 1.287, 0.9515, 0.030, 1.970, 2.534, 0.848, 0,     2.004",
      "7,  0.419, 1.182, 0.9594, 0.118, 1.882, 2.704, 0.833, 0.076, 1.924",
      "8,  0.373, 1.099, 0.9650, 0.185, 1.815, 2.847, 0.820, 0.136, 1.864",
      "9,  0.337, 1.032, 0.9693, 0.239, 1.761, 2.970, 0.808, 0.184, 1.816",
      "10, 0.308, 0.975, 0.9727, 0.284, 1.716, 3.078, 0.797, 0.223, 1.777",
      "11, 0.285, 0.927, 0.9754, 0.321, 1.679, 3.173, 0.787, 0.256, 1.744",
      "12, 0.266, 0.886, 0.9776, 0.354, 1.646, 3.258, 0.778, 0.283, 1.717",
      "13, 0.249, 0.850, 0.9794, 0.382, 1.618, 3.336, 0.770, 0.307, 1.693",
      "14, 0.235, 0.817, 0.9810, 0.406, 1.594, 3.407, 0.763, 0.328, 1.672",
      "15, 0.223, 0.789, 0.9823, 0.428, 1.572, 3.472, 0.756, 0.347, 1.653",
      "16, 0.212, 0.763, 0.9835, 0.448, 1.552, 3.532, 0.750, 0.363, 1.637",
      "17, 0.203, 0.739, 0.9845, 0.466, 1.534, 3.588, 0.744, 0.378, 1.622",
      "18, 0.194, 0.718, 0.9854, 0.482, 1.518, 3.640, 0.739, 0.391, 1.608",
      "19, 0.187, 0.698, 0.9862, 0.497, 1.503, 3.689, 0.734, 0.403, 1.597",
      "20, 0.180, 0.680, 0.9869, 0.510, 1.490, 3.735, 0.729, 0.415, 1.585",
      "21, 0.173, 0.663, 0.9876, 0.523, 1.477, 3.778, 0.724, 0.425, 1.575",
      "22, 0.167, 0.647, 0.9882, 0.534, 1.466, 3.819, 0.720, 0.434, 1.566",
      "23, 0.162, 0.633, 0.9887, 0.545, 1.455, 3.858, 0.716, 0.443, 1.557",
      "24, 0.157, 0.619, 0.9892, 0.555, 1.445, 3.895, 0.712, 0.451, 1.548",
      "25, 0.153, 0.606, 0.9896, 0.565, 1.435, 3.931, 0.708, 0.459, 1.541"})
  void matchTheFactorsForVariablesControlCharts(int n, double a2, double a3, double c4, double b3, double b4,
      double d2, double d3, double lowerD3, double upperD4) {
    assertThat(ChartConstants.d2(n)).as("d2 is the table's").isEqualTo(d2);
    assertThat(ChartConstants.d3(n)).as("d3, kept to four decimals").isCloseTo(d3, within(0.0005 + 1e-9));
    assertThat(ChartConstants.c4(n)).as("c4 from the gamma function").isCloseTo(c4, within(0.00005 + 1e-9));
    assertThat(ChartConstants.a2(n)).as("A2").isCloseTo(a2, within(TABLE_ROUNDING));
    assertThat(ChartConstants.a3(n)).as("A3").isCloseTo(a3, within(TABLE_ROUNDING));
    assertThat(ChartConstants.sChartLower(n)).as("B3").isCloseTo(b3, within(TABLE_ROUNDING));
    assertThat(ChartConstants.sChartUpper(n)).as("B4").isCloseTo(b4, within(TABLE_ROUNDING));
    assertThat(ChartConstants.rangeChartLower(n)).as("D3").isCloseTo(lowerD3, within(TABLE_ROUNDING));
    assertThat(ChartConstants.rangeChartUpper(n)).as("D4").isCloseTo(upperD4, within(TABLE_ROUNDING));
  }

  @Test
  void individualsUseTheMovingRangeOfTwo() {
    // E2 = 3/d2(2) = 3/1.128: Montgomery §6.4 (individuals chart, X̄ ± 3·MR̄/1.128) and NIST/SEMATECH §6.3.2.2.
    assertThat(ChartConstants.E2).isCloseTo(2.660, within(0.0005));
    assertThat(ChartConstants.rangeChartUpper(2)).as("MR chart UCL factor D4(2)").isCloseTo(3.267, within(0.0005));
    assertThat(ChartConstants.rangeChartLower(2)).as("MR chart LCL factor D3(2)").isZero();
  }

  @Test
  void c4ConvergesToOneForTheLargeDegreesOfFreedomOfPooledCapability() {
    // c4 → 1 with (4n − 4)/(4n − 3) as its asymptote, the two differing by about 1/(32n²) (Montgomery §6.3.1);
    // capability uses c4(d + 1) with d in the hundreds, beyond any table.
    for (int n : new int[] {50, 101, 1_000, 10_000}) {
      double asymptote = (4.0 * n - 4) / (4.0 * n - 3);
      assertThat(ChartConstants.c4(n)).isLessThan(1).isCloseTo(asymptote, within(1.0 / (16.0 * n * n)));
    }
  }

  @Test
  void refusesSubgroupSizesOutsideTheTable() {
    assertThatThrownBy(() -> ChartConstants.d2(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 to 25");
    assertThatThrownBy(() -> ChartConstants.d3(26)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartConstants.a3(26)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartConstants.c4(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
