package com.pulse.spc.statistics;

import static com.pulse.spc.statistics.RunRuleChart.firedTests;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One sequence per test, built to complete exactly that test's pattern on its last point with all eight tests on
 * (Minitab's definitions and default K), and to fire nothing else anywhere. Values are distances from the center
 * line in σ of the plotted statistic. Each test also shows that one point fewer does not fire.
 */
class NelsonTestTests {

  @Test
  void test1OnePointMoreThanThreeSigmaFromTheCenterLine() {
    assertThat(firedTests(0.5, -0.5, 3.2)).isEqualTo(Map.of(3, List.of(1)));
    assertThat(firedTests(0.5, -0.5, -3.2)).isEqualTo(Map.of(3, List.of(1)));
    assertThat(firedTests(0.5, -0.5, 3.0)).as("on the limit is not beyond it").isEmpty();
  }

  @Test
  void test2NinePointsInARowOnOneSide() {
    double[] nine = {0.2, 0.4, 0.3, 0.5, 0.2, 0.6, 0.3, 0.4, 0.5};
    assertThat(firedTests(nine)).isEqualTo(Map.of(9, List.of(2)));
    assertThat(firedTests(negate(nine))).isEqualTo(Map.of(9, List.of(2)));
    assertThat(firedTests(0.2, 0.4, 0.3, 0.5, 0.2, 0.6, 0.3, 0.4)).as("eight points").isEmpty();
  }

  @Test
  void test2APointExactlyOnTheCenterLineBreaksTheRun() {
    // Nine points above but the fifth sits on the center line: neither side, so no run of nine yet; the run that
    // starts after it needs nine points of its own.
    double[] broken = {0.2, 0.4, 0.3, 0.5, 0.0, 0.6, 0.3, 0.4, 0.5, 0.2, 0.3, 0.4, 0.6, 0.3};
    assertThat(firedTests(broken)).isEqualTo(Map.of(14, List.of(2)));
  }

  @Test
  void test3SixPointsInARowAllIncreasingOrAllDecreasing() {
    double[] six = {-0.9, -0.6, -0.3, 0.1, 0.4, 0.8};
    assertThat(firedTests(six)).isEqualTo(Map.of(6, List.of(3)));
    assertThat(firedTests(negate(six))).isEqualTo(Map.of(6, List.of(3)));
  }

  @Test
  void test3CountsPointsNotSteps() {
    // Five points make four increases — not six points in a row.
    assertThat(firedTests(-0.9, -0.6, -0.3, 0.1, 0.4)).isEmpty();
    // Six points, five increases: fires; a seventh continuing point fires again.
    assertThat(firedTests(-0.9, -0.6, -0.3, 0.1, 0.4, 0.8, 0.9)).isEqualTo(Map.of(6, List.of(3), 7, List.of(3)));
  }

  @Test
  void test3ATieBreaksTheTrend() {
    assertThat(firedTests(-0.9, -0.6, -0.3, -0.3, 0.1, 0.4, 0.8)).isEmpty();
    assertThat(firedTests(-0.9, -0.6, -0.3, -0.3, 0.1, 0.4, 0.8, 0.9, 0.95)).isEqualTo(Map.of(9, List.of(3)));
  }

  @Test
  void test4FourteenPointsInARowAlternatingUpAndDown() {
    double[] fourteen = alternating(14);
    assertThat(firedTests(fourteen)).isEqualTo(Map.of(14, List.of(4)));
    assertThat(firedTests(alternating(13))).isEmpty();
  }

  @Test
  void test4ATieBreaksTheAlternation() {
    double[] tied = alternating(14);
    tied[7] = tied[6];
    assertThat(firedTests(tied)).as("the same fourteen points with a flat step in the middle").isEmpty();
  }

  @Test
  void test5TwoOutOfThreePointsMoreThanTwoSigmaOnOneSide() {
    assertThat(firedTests(0.3, 2.5, -0.4, 2.6)).isEqualTo(Map.of(4, List.of(5)));
    assertThat(firedTests(-0.3, -2.5, 0.4, -2.6)).isEqualTo(Map.of(4, List.of(5)));
    assertThat(firedTests(0.3, 2.5, -0.4, -0.2, 2.6)).as("two of four").isEmpty();
  }

  @Test
  void test5PointsBeyondTwoSigmaOnDifferentSidesDoNotFire() {
    assertThat(firedTests(0.3, 2.5, -0.4, -2.6)).isEmpty();
    assertThat(firedTests(0.3, 2.5, -2.6)).isEmpty();
  }

  @Test
  void test5FiresOnTheNewestPointOnlyWhenItIsBeyondTwoSigma() {
    // The K + 1 window ends at the newest point, and the newest point must be one of the K: [2.5, 2.6, 0.1] is
    // reported once, at 2.6, not again at 0.1 although two of its last three points are beyond 2σ.
    assertThat(firedTests(0.3, 2.5, 2.6, 0.1)).isEqualTo(Map.of(3, List.of(5)));
    // With fewer than K + 1 points charted, K beyond already make the pattern, whatever the missing point was.
    assertThat(firedTests(2.5, 2.6)).isEqualTo(Map.of(2, List.of(5)));
  }

  @Test
  void test6FourOutOfFivePointsMoreThanOneSigmaOnOneSide() {
    assertThat(firedTests(0.2, 1.5, 1.2, -0.3, 1.4, 1.6)).isEqualTo(Map.of(6, List.of(6)));
    assertThat(firedTests(-0.2, -1.5, -1.2, 0.3, -1.4, -1.6)).isEqualTo(Map.of(6, List.of(6)));
    assertThat(firedTests(0.2, 1.5, 1.2, -0.3, 0.4, 1.4)).as("three of five").isEmpty();
  }

  @Test
  void test6PointsBeyondOneSigmaOnDifferentSidesDoNotFire() {
    assertThat(firedTests(0.2, 1.5, 1.2, -1.3, 1.4, -1.6)).isEmpty();
    assertThat(firedTests(0.2, 1.5, -1.2, 1.3, -1.4, 1.6)).isEmpty();
  }

  @Test
  void test7FifteenPointsInARowWithinOneSigma() {
    double[] fifteen = {0.3, -0.2, 0.5, 0.4, -0.6, -0.1, 0.2, 0.7, -0.3, -0.5, 0.1, 0.6, -0.4, 0.2, 0.3};
    assertThat(firedTests(fifteen)).isEqualTo(Map.of(15, List.of(7)));
    assertThat(firedTests(Arrays.copyOf(fifteen, 14))).isEmpty();
  }

  @Test
  void test8EightPointsInARowMoreThanOneSigmaEitherSide() {
    double[] eight = {1.5, -1.5, 1.6, -1.4, 1.5, -1.6, 1.4, -1.5};
    assertThat(firedTests(eight)).isEqualTo(Map.of(8, List.of(8)));
    assertThat(firedTests(Arrays.copyOf(eight, 7))).isEmpty();
  }

  @Test
  void test8DoesNotNeedBothSides() {
    // Minitab: "8 points in a row more than 1σ from center line (either side)" — unlike Nelson's original wording
    // and qcc, which want points on both sides. Eight points above 1σ also make four of five (test 6).
    Map<Integer, List<Integer>> fired = firedTests(1.5, 1.2, 1.6, 1.4, 1.5, 1.3, 1.4, 1.5);
    assertThat(fired.get(8)).containsExactly(6, 8);
  }

  @Test
  void descriptionsAreMinitabsWordsWithTheDefaultK() {
    assertThat(RunRules.allEight().kByTestNumber())
        .containsExactly(Map.entry(1, 3), Map.entry(2, 9), Map.entry(3, 6), Map.entry(4, 14), Map.entry(5, 2),
            Map.entry(6, 4), Map.entry(7, 15), Map.entry(8, 8));
    assertThat(NelsonTest.SHIFT_RUN.describe(9)).isEqualTo("9 points in a row on one side of the center line");
    assertThat(NelsonTest.OUTLIER.describe(3)).isEqualTo("1 point more than 3 standard deviations from the center line");
    assertThat(NelsonTest.TWO_SIGMA_SHIFT.describe(2))
        .isEqualTo("2 out of 3 points more than 2 standard deviations from the center line (same side)");
    for (NelsonTest test : NelsonTest.values()) {
      assertThat(NelsonTest.byNumber(test.number())).isEqualTo(test);
      assertThat(test.describe(test.defaultK())).startsWith(test == NelsonTest.OUTLIER ? "1 point" : test.defaultK()
          + " ");
    }
  }

  private static double[] negate(double[] values) {
    double[] negated = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      negated[i] = -values[i];
    }
    return negated;
  }

  /** Up and down in turn, crossing the center line inside 1σ so no other test fires. */
  private static double[] alternating(int count) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = (i % 2 == 0 ? 0.5 : -0.5) + 0.01 * (i % 3);
    }
    return values;
  }
}
