package com.pulse.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Markdown tables of runs, and for each rate the median of its runs. Latency columns run from the moment a POST
 * was due to the event frame on a socket; the POST columns show how much of that the command itself took.
 */
final class LatencyTable {

  private static final String HEADER = """
      | orders/s (target) | run | commands/s | accepted | rejected | delivered | lost | p50 ms | p95 ms | p99 ms | max ms \
      | POST p50 ms | POST p99 ms |
      |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
      """;

  private LatencyTable() {}

  static String runs(List<RunResult> results) {
    StringBuilder table = new StringBuilder(HEADER);
    int run = 0;
    int rate = -1;
    for (RunResult r : results) {
      run = r.targetRate() == rate ? run + 1 : 1;
      rate = r.targetRate();
      table.append(row(String.valueOf(r.targetRate()), String.valueOf(run), r.achievedRate(), r.accepted(),
          r.rejected(), r.delivered(), r.lost(), r.percentileMillis(50), r.percentileMillis(95),
          r.percentileMillis(99), r.maxMillis(), r.answerPercentileMillis(50), r.answerPercentileMillis(99)));
    }
    return table.toString();
  }

  /** One row per rate: the median over its runs of each column (counts are summed). */
  static String medians(List<RunResult> results) {
    StringBuilder table = new StringBuilder(HEADER.replace("| run |", "| runs |"));
    results.stream().mapToInt(RunResult::targetRate).distinct().forEach(rate -> {
      List<RunResult> runs = results.stream().filter(r -> r.targetRate() == rate).toList();
      table.append(row(String.valueOf(rate), String.valueOf(runs.size()), median(runs, RunResult::achievedRate),
          runs.stream().mapToLong(RunResult::accepted).sum(), runs.stream().mapToLong(RunResult::rejected).sum(),
          runs.stream().mapToLong(RunResult::delivered).sum(), runs.stream().mapToLong(RunResult::lost).sum(),
          median(runs, r -> r.percentileMillis(50)), median(runs, r -> r.percentileMillis(95)),
          median(runs, r -> r.percentileMillis(99)), median(runs, RunResult::maxMillis),
          median(runs, r -> r.answerPercentileMillis(50)), median(runs, r -> r.answerPercentileMillis(99))));
    });
    return table.toString();
  }

  static double median(List<RunResult> runs, ToDoubleFunction<RunResult> column) {
    double[] values = runs.stream().mapToDouble(column).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static String row(String rate, String run, double achieved, long accepted, long rejected, long delivered,
      long lost, double... millis) {
    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.0f | %d | %d | %d | %d |", rate,
        run, achieved, accepted, rejected, delivered, lost));
    Arrays.stream(millis).forEach(ms -> row.append(String.format(Locale.ROOT, " %.1f |", ms)));
    return row.append('\n').toString();
  }
}
