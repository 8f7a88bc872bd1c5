package com.pulse.bench.spc;

import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.StackCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Judging a value costs O(window), not O(history): one product's history grown by batches to each size, then
 * sequential single POSTs timed at each size.
 */
final class HistoryCost {

  private final SpcContext context;

  HistoryCost(SpcContext context) {
    this.context = context;
  }


  void run(int[] sizes, int probes, int runs, int batch) throws Exception {
    long id = context.products().create("HISTORY", context.operator());
    Random random = new Random(id);
    long stored = 25;
    String batchPath = "/api/spc/products/" + id + "/measurements/batch";
    String singlePath = "/api/spc/products/" + id + "/measurements";
    MarkdownTable medians = new MarkdownTable("stored values", "runs", "POST p50 ms", "POST p99 ms",
        "batch of " + batch + " ms", "stack CPU ms/value");
    MarkdownTable runsTable = new MarkdownTable("stored values", "run", "POST p50 ms", "POST p99 ms");
    for (int size : sizes) {
      List<Double> batchMillis = new ArrayList<>();
      long seedStart = System.nanoTime();
      while (stored < size) {
        int count = (int) Math.min(batch, size - stored);
        long began = System.nanoTime();
        context.http().call("POST", batchPath, context.operator(), SpcProducts.batch(random, count, stored, 0), 201);
        if (count == batch) {
          batchMillis.add((System.nanoTime() - began) / 1e6);
        }
        stored += count;
      }
      System.out.printf("history: %d values stored (grown in %.1f s)%n", stored,
          (System.nanoTime() - seedStart) / 1e9);
      List<Histogram> series = new ArrayList<>();
      Map<String, Double> before = context.cpu().read();
      for (int run = 1; run <= runs; run++) {
        Histogram micros = new Histogram(3);
        for (int p = 0; p < probes; p++) {
          long began = System.nanoTime();
          context.http().call("POST", singlePath, context.operator(), "{\"value\":" + SpcProducts.value(random, p, 0) + "}", 201);
          micros.recordValue((System.nanoTime() - began) / 1000);
        }
        stored += probes;
        runsTable.row(size, run, ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)));
        series.add(micros);
      }
      Map<String, Double> used = StackCpu.between(before, context.cpu().read());
      double stackMillis = StackCpu.stackTotal(used);
      List<Double> lastBatches = batchMillis.subList(Math.max(0, batchMillis.size() - 10), batchMillis.size());
      medians.row(size, runs, Medians.of(series, h -> ms(h.getValueAtPercentile(50))),
          Medians.of(series, h -> ms(h.getValueAtPercentile(99))),
          lastBatches.isEmpty() ? "–" : Medians.of(lastBatches.stream().mapToDouble(Double::doubleValue).toArray()),
          String.format(java.util.Locale.ROOT, "%.3f", stackMillis / ((long) probes * runs)));
    }
    System.out.printf("%n### Cost of judging one value as the history grows (%d sequential single POSTs per run; "
        + "batch column: median of the last 10 batches that grew the history to that size)%n%n", probes);
    System.out.println(medians);
    System.out.println(runsTable);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
