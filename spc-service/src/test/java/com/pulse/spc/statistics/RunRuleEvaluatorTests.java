package com.pulse.spc.statistics;

import static com.pulse.spc.statistics.RunRuleChart.UNIT;
import static com.pulse.spc.statistics.RunRuleChart.firedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Per-product configuration of the tests, the window a judgement reads, and published run-rule examples. */
class RunRuleEvaluatorTests {

  @Test
  void kCanBeChangedPerTestAndTheDescriptionFollows() {
    RunRules sevenOnOneSide = RunRules.of(List.of(1, 2, 3, 4, 5, 6, 7, 8), Map.of(2, 7));
    double[] seven = {0.2, 0.4, 0.3, 0.5, 0.2, 0.6, 0.3};

    assertThat(firedTests(seven)).as("Minitab's K = 9").isEmpty();
    assertThat(firedTests(sevenOnOneSide, seven)).isEqualTo(Map.of(7, List.of(2)));
    List<Violation> violations = new RunRuleEvaluator(UNIT, sevenOnOneSide).judgeNewest(asList(seven));
    assertThat(violations).containsExactly(new Violation(2, "7 points in a row on one side of the center line"));

    RunRules threeOfFour = RunRules.of(List.of(5), Map.of(5, 3));
    assertThat(firedTests(threeOfFour, 2.5, 0.1, 2.4, 2.6)).isEqualTo(Map.of(4, List.of(5)));
    assertThat(new RunRuleEvaluator(UNIT, threeOfFour).judgeNewest(asList(2.5, 0.1, 2.4, 2.6)))
        .containsExactly(new Violation(5,
            "3 out of 4 points more than 2 standard deviations from the center line (same side)"));
    assertThat(firedTests(RunRules.of(List.of(5), Map.of()), 2.5, 0.1, 2.4, 2.6))
        .as("K = 2 fires earlier and again").isEqualTo(Map.of(3, List.of(5), 4, List.of(5)));
  }

  @Test
  void testsThatAreOffDoNotFire() {
    double[] trend = {-0.9, -0.6, -0.3, 0.1, 0.4, 0.8};
    assertThat(firedTests(RunRules.of(List.of(1, 2, 4, 5, 6, 7, 8), Map.of()), trend)).isEmpty();
    assertThat(firedTests(RunRules.of(List.of(), Map.of()), 5.0, -5.0)).isEmpty();
  }

  @Test
  void aProductThatChoosesNothingGetsAllEightWithMinitabsK() {
    assertThat(RunRules.of(null, null)).isEqualTo(RunRules.allEight());
    assertThat(RunRules.of(null, Map.of(2, 7)).kByTestNumber()).containsEntry(2, 7).hasSize(8);
    assertThat(RunRules.of(List.of(1, 2), null).kByTestNumber()).containsExactly(Map.entry(1, 3), Map.entry(2, 9));
  }

  @Test
  void westernElectricPresetIsTests1256WithEightOnOneSide() {
    RunRules westernElectric = RunRules.westernElectric();

    assertThat(westernElectric.kByTestNumber())
        .containsExactly(Map.entry(1, 3), Map.entry(2, 8), Map.entry(5, 2), Map.entry(6, 4));
    assertThat(firedTests(westernElectric, 0.2, 0.4, 0.3, 0.5, 0.2, 0.6, 0.3, 0.4)).isEqualTo(Map.of(8, List.of(2)));
    assertThat(firedTests(westernElectric, -0.9, -0.6, -0.3, 0.1, 0.4, 0.8)).as("no trend test").isEmpty();
    assertThat(firedTests(westernElectric, 0.3, 2.5, -0.4, 2.6)).isEqualTo(Map.of(4, List.of(5)));
    assertThat(firedTests(westernElectric, 0.2, 1.5, 1.2, -0.3, 1.4, 1.6)).isEqualTo(Map.of(6, List.of(6)));
    assertThat(firedTests(westernElectric, 0.5, -3.5)).isEqualTo(Map.of(2, List.of(1)));
    assertThat(new RunRuleEvaluator(UNIT, westernElectric).window()).isEqualTo(8);
  }

  @Test
  void judgingTheNewestPointReadsOnlyTheWindow() {
    RunRuleEvaluator evaluator = new RunRuleEvaluator(UNIT, RunRules.allEight());
    assertThat(evaluator.window()).as("test 7's fifteen points").isEqualTo(15);

    // A million stored points, of which anything older than the window throws when read.
    List<Double> history = new AbstractList<>() {
      @Override
      public Double get(int index) {
        if (index < size() - evaluator.window()) {
          throw new AssertionError("read point " + index + ", older than the window");
        }
        return index % 2 == 0 ? 1.5 : 1.2;
      }

      @Override
      public int size() {
        return 1_000_000;
      }
    };
    // 1.5, 1.2, 1.5, ...: on one side (2), zigzagging (4), beyond 1σ on one side (6) and either side (8)
    assertThat(evaluator.judgeNewest(history)).extracting(Violation::test).containsExactly(2, 4, 6, 8);
  }

  @Test
  void theWindowIsEnoughToJudgeEveryPointAsTheWholeHistoryWould() {
    Random random = new Random(20261202);
    List<Double> points = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      // a drifting, sometimes oscillating process so that every test fires somewhere
      double drift = Math.sin(i / 40.0) * 1.8;
      double wiggle = (i / 100) % 3 == 0 ? (i % 2 == 0 ? 0.8 : -0.8) : 0;
      points.add(drift + wiggle + random.nextGaussian() * 0.6);
    }
    RunRuleEvaluator evaluator = new RunRuleEvaluator(UNIT, RunRules.allEight());
    List<List<Violation>> windowed = evaluator.judgeSeries(points);

    Set<Integer> seen = new TreeSet<>();
    for (int i = 0; i < points.size(); i++) {
      assertThat(evaluator.judgeNewest(points.subList(0, i + 1))).as("point %d", i + 1).isEqualTo(windowed.get(i));
      windowed.get(i).forEach(violation -> seen.add(violation.test()));
    }
    assertThat(seen).as("the series exercises every test").containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void dispersionChartFlagsTest1BeyondItsLimits() {
    ControlLimits limits = PhaseOneLimits.compute(5, PublishedData.subgroups(PublishedData.PISTON_RINGS, 25));
    RunRuleEvaluator evaluator = new RunRuleEvaluator(limits, RunRules.allEight());

    assertThat(evaluator.judgeDispersion(limits.dispersionUcl() * 1.01))
        .containsExactly(new Violation(1, "1 point beyond the control limits of the R chart"));
    assertThat(evaluator.judgeDispersion(limits.dispersionUcl())).isEmpty();
    assertThat(evaluator.judgeDispersion(0)).as("R chart LCL is 0 for n = 5").isEmpty();
    assertThat(new RunRuleEvaluator(limits, RunRules.of(List.of(2), Map.of()))
        .judgeDispersion(limits.dispersionUcl() * 2)).as("test 1 off").isEmpty();

    ControlLimits sChart = new ControlLimits(ChartType.XBAR_S, 12, 25, 10, 11, 9, 1, 1.646, 0.354, 1, 0.3);
    assertThat(new RunRuleEvaluator(sChart, RunRules.allEight()).judgeDispersion(0.3))
        .containsExactly(new Violation(1, "1 point beyond the control limits of the S chart"));
  }

  @Test
  void sasGapWidthExampleSignalsTest5AtSample14() {
    // SAS/QC User's Guide, SHEWHART procedure, "Applying Tests for Special Causes": x̄ chart of 21 subgroups of 5,
    // limits from X̿ and R̄, tests 1 to 5 — "Test 5 was positive at sample 14", and nothing else.
    double grandMean = mean(PublishedData.GAP_WIDTH_MEANS);
    double sigma = mean(PublishedData.GAP_WIDTH_RANGES) / ChartConstants.d2(5);
    double plotted = sigma / Math.sqrt(5);
    ControlLimits limits = new ControlLimits(ChartType.XBAR_R, 5, 21, grandMean, grandMean + 3 * plotted,
        grandMean - 3 * plotted, mean(PublishedData.GAP_WIDTH_RANGES), 0, 0, sigma, plotted);
    RunRuleEvaluator evaluator = new RunRuleEvaluator(limits, RunRules.of(List.of(1, 2, 3, 4, 5), Map.of()));

    List<List<Violation>> judged = evaluator.judgeSeries(asList(PublishedData.GAP_WIDTH_MEANS));
    for (int i = 0; i < judged.size(); i++) {
      assertThat(judged.get(i)).as("sample %d", i + 1).extracting(Violation::test)
          .isEqualTo(i + 1 == 14 ? List.of(5) : List.of());
    }
  }

  @Test
  void qccsOwnRuleExamples() {
    // qcc tests/testthat/test-qcc.R: eight points at +0.5σ then one at −0.5σ, Western Electric rule 4 (eight on
    // one side) flags the eighth point only; sixteen points at +0.3σ then 1.2σ, Nelson rule 7 flags points 15, 16.
    assertThat(firedTests(RunRules.of(List.of(2), Map.of(2, 8)), 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5))
        .isEqualTo(Map.of(8, List.of(2)));
    double[] hugging = new double[17];
    Arrays.fill(hugging, 0.3);
    hugging[16] = 1.2;
    assertThat(firedTests(RunRules.of(List.of(7), Map.of()), hugging))
        .isEqualTo(Map.of(15, List.of(7), 16, List.of(7)));
  }

  @Test
  void refusesConfigurationsThatNameNoRealTest() {
    assertThatThrownBy(() -> RunRules.of(List.of(1, 9), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown test 9; the tests for special causes are numbered 1 to 8");
    assertThatThrownBy(() -> RunRules.of(List.of(1), Map.of(3, 6)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("K is given for test 3, which is not switched on");
    assertThatThrownBy(() -> RunRules.of(List.of(2), Map.of(2, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("K for test 2 must be from 2 to 30, got 1");
    assertThatThrownBy(() -> RunRules.of(List.of(5), Map.of(5, 30)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("K for test 5 must be from 1 to 29, got 30");
  }

  @Test
  void refusesPointsThatAreNotFiniteNumbers() {
    RunRuleEvaluator evaluator = new RunRuleEvaluator(UNIT, RunRules.allEight());
    assertThatThrownBy(() -> evaluator.judgeNewest(asList(0.1, Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> evaluator.judgeNewest(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> evaluator.judgeDispersion(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Double> asList(double... values) {
    List<Double> list = new ArrayList<>();
    for (double value : values) {
      list.add(value);
    }
    return list;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }
}
