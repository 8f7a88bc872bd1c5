package com.pulse.bench.spc;

import com.pulse.bench.OpenLoop;
import com.pulse.bench.CpuTable;
import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.StackCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Value → {@code spc.measurement.recorded} frame on quality screens, at fixed rates (open loop). */
final class SpcLatency {

  private final SpcContext context;

  SpcLatency(SpcContext context) {
    this.context = context;
  }


  void run(int[] rates, Duration duration, Duration warmup, int runs, int socketCount,
      int outOfControlEvery) throws Exception {
    long id = context.products().create("LATENCY", context.operator());
    CpuTable cpuTable = new CpuTable("value", context.cpu().names());
    List<Latency> results = new ArrayList<>();
    try (MeasurementFrames frames = new MeasurementFrames(context.stack().socketUrl(), context.quality(), socketCount, id)) {
      Random random = new Random(id);
      for (int rate : rates) {
        System.out.printf("latency at %d values/s: warm-up %d s%n", rate, warmup.toSeconds());
        openLoop(id, rate, warmup, frames, random, outOfControlEvery);
        frames.take();
        for (int run = 1; run <= runs; run++) {
          Map<String, Double> before = context.cpu().read();
          long[] sent = openLoop(id, rate, duration, frames, random, outOfControlEvery);
          long expected = sent[0] * socketCount;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (frames.delivered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          MeasurementFrames.Snapshot seen = frames.take();
          cpuTable.add(rate + " values/s", run, sent[0], StackCpu.between(before, context.cpu().read()));
          Latency result = new Latency(rate, sent[0] * 1e9 / sent[2], sent[0], sent[1], expected, seen);
          System.out.printf("latency at %d values/s, run %d: p50 %.1f ms, p99 %.1f ms, lost %d%n", rate, run,
              ms(seen.allMicros().getValueAtPercentile(50)), ms(seen.allMicros().getValueAtPercentile(99)),
              expected - seen.delivered());
          results.add(result);
        }
      }
    }
    String[] header = {"values/s (target)", "run", "values/s", "accepted", "refused", "lost", "p50 ms", "p99 ms",
        "max ms", "out-of-control frames", "alert p50 ms", "alert p99 ms"};
    MarkdownTable medians = new MarkdownTable(header);
    MarkdownTable runsTable = new MarkdownTable(header);
    for (int rate : rates) {
      List<Latency> atRate = results.stream().filter(r -> r.rate() == rate).toList();
      for (int i = 0; i < atRate.size(); i++) {
        atRate.get(i).row(runsTable, Integer.toString(i + 1));
      }
      medians.row(rate, atRate.size(), Medians.of(atRate, Latency::achieved),
          atRate.stream().mapToLong(Latency::accepted).sum(), atRate.stream().mapToLong(Latency::refused).sum(),
          atRate.stream().mapToLong(Latency::lost).sum(),
          Medians.of(atRate, r -> ms(r.seen().allMicros().getValueAtPercentile(50))),
          Medians.of(atRate, r -> ms(r.seen().allMicros().getValueAtPercentile(99))),
          Medians.of(atRate, r -> ms(r.seen().allMicros().getMaxValue())),
          atRate.stream().mapToLong(r -> r.seen().outOfControlDelivered()).sum(),
          Medians.of(atRate, r -> ms(r.seen().outOfControlMicros().getValueAtPercentile(50))),
          Medians.of(atRate, r -> ms(r.seen().outOfControlMicros().getValueAtPercentile(99))));
    }
    System.out.printf("%n### Value → frame on %d sockets (`spc:product:{id}` on /ws), every %d-th value out of "
        + "control%n%n", socketCount, outOfControlEvery);
    System.out.println(medians);
    System.out.println(runsTable);
    System.out.println(cpuTable.print(""));
  }

  private record Latency(int rate, double achieved, long accepted, long refused, long expected,
      MeasurementFrames.Snapshot seen) {
    long lost() {
      return expected - seen.delivered();
    }

    void row(MarkdownTable table, String run) {
      table.row(rate, run, achieved, accepted, refused, lost(), ms(seen.allMicros().getValueAtPercentile(50)),
          ms(seen.allMicros().getValueAtPercentile(99)), ms(seen.allMicros().getMaxValue()),
          seen.outOfControlDelivered(), ms(seen.outOfControlMicros().getValueAtPercentile(50)),
          ms(seen.outOfControlMicros().getValueAtPercentile(99)));
    }
  }

  /** Single POSTs on a fixed schedule; {accepted, refused, elapsed nanos}. */
  private long[] openLoop(long id, int rate, Duration duration, MeasurementFrames frames, Random random,
      int outOfControlEvery) throws InterruptedException {
    OpenLoop loop = new OpenLoop(rate, duration);
    long total = loop.total();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) total);
    String path = "/api/spc/products/" + id + "/measurements";
    for (long i = 0; i < total; i++) {
      long due = loop.awaitDue(i);
      double value = frames.expect(SpcProducts.value(random, i, outOfControlEvery), due);
      context.http().sendAsync(context.http().request("POST", path, context.operator(), "{\"value\":" + value + "}"))
          .whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 201) {
              accepted.incrementAndGet();
            } else if (refused.incrementAndGet() <= 3) {
              System.out.println("value refused: " + (error != null ? error
                  : response.statusCode() + " " + response.body()));
            }
            answered.countDown();
          });
    }
    answered.await(60, TimeUnit.SECONDS);
    return new long[] {accepted.get(), refused.get(), loop.elapsed()};
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
