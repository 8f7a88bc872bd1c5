package com.pulse.bench.spc;

import com.pulse.bench.CpuTable;
import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.StackCpu;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** Measurements per second, single and batch POSTs, by clients in a closed loop over several products. */
final class SpcThroughput {

  private final SpcContext context;

  SpcThroughput(SpcContext context) {
    this.context = context;
  }


  void run(Duration duration, Duration warmup, int runs, int concurrency, int productCount, int batch)
      throws Exception {
    long[] ids = new long[productCount];
    for (int i = 0; i < productCount; i++) {
      ids[i] = context.products().create("INGEST", context.operator());
    }
    CpuTable cpuTable = new CpuTable("value", context.cpu().names());
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
        Map<String, Double> before = context.cpu().read();
        Ingested result = closedLoop(ids, concurrency, size, duration);
        cpuTable.add(mode, run, result.values(), StackCpu.between(before, context.cpu().read()));
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
    System.out.println(cpuTable.print(""));
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
          HttpResponse<String> response = context.http().sendAsync(context.http().request("POST", path, context.operator(), body))
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

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
