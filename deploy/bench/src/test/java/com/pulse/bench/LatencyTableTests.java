package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTableTests {

  private static RunResult run(int rate, long... micros) {
    Histogram histogram = new Histogram(3);
    for (long value : micros) {
      histogram.recordValue(value);
    }
    Histogram answers = new Histogram(3);
    answers.recordValue(micros[0] / 2);
    return new RunResult(rate, rate * 0.99, micros.length, 0, micros.length + 1, micros.length, histogram, answers);
  }

  @Test
  void reportsEachRunWithItsPercentilesAndLosses() {
    String table = LatencyTable.runs(List.of(run(100, 1_000, 2_000, 3_000, 50_000), run(100, 4_000)));

    assertThat(table.lines()).hasSize(4);
    assertThat(table.lines().toList().get(2)).startsWith("| 100 | 1 | 99 | 4 | 0 | 4 | 1 |")
        .endsWith(" 50.0 | 0.5 | 0.5 |");
    assertThat(table.lines().toList().get(3)).startsWith("| 100 | 2 |");
  }

  @Test
  void summarisesEachRateByTheMedianOfItsRuns() {
    List<RunResult> runs = List.of(run(1000, 1_000), run(1000, 9_000), run(1000, 5_000), run(100, 2_000));

    String table = LatencyTable.medians(runs);

    assertThat(table).contains("| 1000 | 3 | 990 | 3 | 0 | 3 | 3 | 5.0 | 5.0 | 5.0 | 5.0 | 2.5 | 2.5 |");
    assertThat(table).contains("| 100 | 1 | 99 | 1 | 0 | 1 | 1 | 2.0 |");
  }

  @Test
  void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertThat(LatencyTable.median(List.of(run(1, 1_000), run(1, 3_000)), r -> r.percentileMillis(50)))
        .isCloseTo(2.0, within(0.01)); // HdrHistogram keeps 3 significant digits
  }
}
