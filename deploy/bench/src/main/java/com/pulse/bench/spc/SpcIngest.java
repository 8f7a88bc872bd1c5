package com.pulse.bench.spc;

import com.pulse.bench.BenchHttp;
import com.pulse.bench.CpuTable;
import com.pulse.bench.GatewayTokens;
import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import com.pulse.bench.StackCpu;
import com.pulse.bench.StackUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * spc-service through the gateway, run-rule evaluation on (all eight Nelson tests, limits frozen from a baseline):
 *
 * <ol>
 *   <li>{@code ingest}: measurements per second, single POSTs and batch POSTs, by {@code --concurrency} clients in a
 *       closed loop over {@code --products} products (values of one product take turns on its row lock);</li>
 *   <li>{@code latency}: value → frame at fixed rates (open loop, single POSTs, one product), on {@code --sockets}
 *       quality screens subscribed to the product's channel; every {@code --out-of-control-every}-th value is
 *       4.5 σ off, fires test 1 and also goes to {@code spc:alerts} — timed separately;</li>
 *   <li>{@code history}: judging a value costs O(window), not O(history): one product's history grown by batches of
 *       1,000 to each {@code --history} size, and at each size {@code --runs} series of {@code --probes} sequential
 *       single POSTs timed.</li>
 * </ol>
 * Each phase prints the CPU every process spent per value.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.spc.SpcIngest [--phases=ingest,latency,history]
 *      [--rates=100,1000] [--duration=30] [--warmup=10] [--runs=3] [--sockets=10] [--out-of-control-every=20]
 *      [--concurrency=8] [--products=4] [--batch=1000] [--history=1000,10000,100000,1000000] [--probes=300]
 *      [--gateway=http://localhost:8080 --data=.pulse-data]
 * </pre>
 *
 * Users: {@code qa.jung} (QUALITY) creates products and watches, {@code op.han} (OPERATOR) records. Without
 * {@code --gateway} it starts its own local stack and stops it after.
 */
public final class SpcIngest {

  private final StackUnderTest stack;
  private final BenchHttp http;
  private final String quality;
  private final String operator;
  private final SpcProducts products;
  private final StackCpu cpu;

  private SpcIngest(StackUnderTest stack) throws Exception {
    this.stack = stack;
    this.http = new BenchHttp(stack.gatewayUrl());
    this.quality = GatewayTokens.fetch(stack.gatewayUrl(), "qa.jung");
    this.operator = GatewayTokens.fetch(stack.gatewayUrl(), "op.han");
    this.products = new SpcProducts(http, quality);
    this.cpu = stack.cpu();
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Set<String> phases = Set.of(options.text("phases", "ingest,latency,history").split(","));
    int[] rates = options.integers("rates", "100,1000");
    Duration duration = options.seconds("duration", 30);
    Duration warmup = options.seconds("warmup", 10);
    int runs = options.integer("runs", 3);
    int sockets = options.integer("sockets", 10);
    int outOfControlEvery = options.integer("out-of-control-every", 20);
    int concurrency = options.integer("concurrency", 8);
    int productCount = options.integer("products", 4);
    int batch = options.integer("batch", 1000);
    int[] history = options.integers("history", "1000,10000,100000,1000000");
    int probes = options.integer("probes", 300);
    SpcIngest bench = new SpcIngest(StackUnderTest.from(options));
    System.out.printf("%n## SPC through the gateway, %s%n%d cores, Java %s; rules: all eight Nelson tests, limits "
        + "frozen from 25 values; %d s per run after %d s warm-up, %d runs%n%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), Runtime.version(), duration.toSeconds(), warmup.toSeconds(), runs);
    if (phases.contains("ingest")) {
      bench.ingest(duration, warmup, runs, concurrency, productCount, batch);
    }
    if (phases.contains("latency")) {
      bench.latency(rates, duration, warmup, runs, sockets, outOfControlEvery);
    }
    if (phases.contains("history")) {
      bench.history(history, probes, runs, batch);
    }
    System.exit(0); // runs the hook that stops the stack, whatever client threads are still alive
  }

  // ---- ingest -------------------------------------------------------------------------------------------------

  private void ingest(Duration duration, Duration warmup, int runs, int concurrency, int productCount, int batch)
      throws Exception {
    long[] ids = new long[productCount];
    for (int i = 0; i < productCount; i++) {
      ids[i] = products.create("INGEST", operator);
    }
    CpuTable cpuTable = new CpuTable("value", cpu.names());
    MarkdownTable runsTable = new MarkdownTable("mode", "run", "values/s", "requests/s", "values", "refused",
        "request p50 ms", "request p99 ms");
    MarkdownTable medians = new MarkdownTable("mode", "runs", "values/s", "requests/s", "values", "refused",
        "request p50 ms", "request p99 ms");
    for (int size : new int[] {1, batch}) {
      String mode = size == 1 ? "single POST" : "batch of " + size;
      System.out.printf("ingest, %s: warm-up %d s%n", mode, warmup.toSeconds());
      closedLoop(ids, concurrency, size, warmup);
      List<Ingested> results = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        Map<String, Double> before = cpu.read();
        Ingested result = closedLoop(ids, concurrency, size, duration);
        cpuTable.add(mode, run, result.values(), StackCpu.between(before, cpu.read()));
        System.out.printf("ingest, %s, run %d: %.0f values/s%n", mode, run, result.valuesPerSecond());
        runsTable.row(mode, run, result.valuesPerSecond(), result.requestsPerSecond(), result.values(),
            result.refused(), ms(result.micros().getValueAtPercentile(50)),
            ms(result.micros().getValueAtPercentile(99)));
        results.add(result);
      }
      medians.row(mode, runs, Medians.of(results, Ingested::valuesPerSecond),
          Medians.of(results, Ingested::requestsPerSecond), results.stream().mapToLong(Ingested::values).sum(),
          results.stream().mapToLong(Ingested::refused).sum(),
          Medians.of(results, r -> ms(r.micros().getValueAtPercentile(50))),
          Medians.of(results, r -> ms(r.micros().getValueAtPercentile(99))));
    }
    System.out.printf("%n### Ingest: %d clients in a closed loop over %d products%n%n", concurrency, productCount);
    System.out.println(medians);
    System.out.println(runsTable);
    System.out.println("CPU per value (ms), median of the runs, then each run:\n");
    System.out.println(cpuTable.medians());
    System.out.println(cpuTable.runs());
  }

  private record Ingested(long values, long requests, long refused, double seconds, Histogram micros) {
    double valuesPerSecond() {
      return values / seconds;
    }

    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  /** {@code concurrency} clients, each sending its next request when the previous one was answered. */
  private Ingested closedLoop(long[] ids, int concurrency, int size, Duration duration) throws InterruptedException {
    AtomicLong values = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    Histogram micros = new Histogram(3);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      long id = ids[c % ids.length];
      Random random = new Random(c);
      clients.add(Thread.ofVirtual().start(() -> {
        long sent = 0;
        while (System.nanoTime() < end) {
          String path = "/api/spc/products/" + id + "/measurements" + (size == 1 ? "" : "/batch");
          String body = size == 1 ? "{\"value\":" + SpcProducts.value(random, sent, 0) + "}"
              : SpcProducts.batch(random, size, sent, 0);
          long began = System.nanoTime();
          HttpResponse<String> response = http.sendAsync(http.request("POST", path, operator, body))
              .exceptionally(error -> null).join();
          sent += size;
          if (response != null && response.statusCode() == 201) {
            synchronized (micros) {
              micros.recordValue((System.nanoTime() - began) / 1000);
            }
            values.addAndGet(size);
            requests.incrementAndGet();
          } else {
            refused.incrementAndGet();
          }
        }
      }));
    }
    for (Thread client : clients) {
      client.join();
    }
    return new Ingested(values.get(), requests.get(), refused.get(), (System.nanoTime() - start) / 1e9, micros);
  }

  // ---- latency ------------------------------------------------------------------------------------------------

  private void latency(int[] rates, Duration duration, Duration warmup, int runs, int socketCount,
      int outOfControlEvery) throws Exception {
    long id = products.create("LATENCY", operator);
    CpuTable cpuTable = new CpuTable("value", cpu.names());
    List<Latency> results = new ArrayList<>();
    try (MeasurementFrames frames = new MeasurementFrames(stack.socketUrl(), quality, socketCount, id)) {
      Random random = new Random(id);
      for (int rate : rates) {
        System.out.printf("latency at %d values/s: warm-up %d s%n", rate, warmup.toSeconds());
        openLoop(id, rate, warmup, frames, random, outOfControlEvery);
        frames.take();
        for (int run = 1; run <= runs; run++) {
          Map<String, Double> before = cpu.read();
          long[] sent = openLoop(id, rate, duration, frames, random, outOfControlEvery);
          long expected = sent[0] * socketCount;
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (frames.delivered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          MeasurementFrames.Snapshot seen = frames.take();
          cpuTable.add(rate + " values/s", run, sent[0], StackCpu.between(before, cpu.read()));
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
    System.out.println("CPU per value (ms), median of the runs, then each run:\n");
    System.out.println(cpuTable.medians());
    System.out.println(cpuTable.runs());
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
    long interval = 1_000_000_000L / rate;
    long total = rate * duration.toSeconds();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) total);
    String path = "/api/spc/products/" + id + "/measurements";
    long start = System.nanoTime() + 20_000_000;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      double value = frames.expect(SpcProducts.value(random, i, outOfControlEvery), due);
      http.sendAsync(http.request("POST", path, operator, "{\"value\":" + value + "}"))
          .whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 201) {
              accepted.incrementAndGet();
            } else {
              refused.incrementAndGet();
            }
            answered.countDown();
          });
    }
    answered.await(60, TimeUnit.SECONDS);
    return new long[] {accepted.get(), refused.get(), System.nanoTime() - start};
  }

  // ---- history ------------------------------------------------------------------------------------------------

  private void history(int[] sizes, int probes, int runs, int batch) throws Exception {
    long id = products.create("HISTORY", operator);
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
        http.call("POST", batchPath, operator, SpcProducts.batch(random, count, stored, 0), 201);
        if (count == batch) {
          batchMillis.add((System.nanoTime() - began) / 1e6);
        }
        stored += count;
      }
      System.out.printf("history: %d values stored (grown in %.1f s)%n", stored,
          (System.nanoTime() - seedStart) / 1e9);
      List<Histogram> series = new ArrayList<>();
      Map<String, Double> before = cpu.read();
      for (int run = 1; run <= runs; run++) {
        Histogram micros = new Histogram(3);
        for (int p = 0; p < probes; p++) {
          long began = System.nanoTime();
          http.call("POST", singlePath, operator, "{\"value\":" + SpcProducts.value(random, p, 0) + "}", 201);
          micros.recordValue((System.nanoTime() - began) / 1000);
        }
        stored += probes;
        runsTable.row(size, run, ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)));
        series.add(micros);
      }
      Map<String, Double> used = StackCpu.between(before, cpu.read());
      double stackMillis = used.entrySet().stream().filter(e -> !e.getKey().equals(StackCpu.BENCHMARK))
          .mapToDouble(Map.Entry::getValue).sum();
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
