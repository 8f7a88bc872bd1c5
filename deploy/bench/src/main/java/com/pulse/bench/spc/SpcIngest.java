package com.pulse.bench.spc;

import com.pulse.bench.Options;
import com.pulse.bench.StackUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

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

  private SpcIngest() {}

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
    SpcContext context = SpcContext.of(StackUnderTest.from(options));
    System.out.printf("%n## SPC through the gateway, %s%n%d cores, Java %s; rules: all eight Nelson tests, limits "
        + "frozen from 25 values; %d s per run after %d s warm-up, %d runs%n%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), Runtime.version(), duration.toSeconds(), warmup.toSeconds(), runs);
    if (phases.contains("ingest")) {
      new SpcThroughput(context).run(duration, warmup, runs, concurrency, productCount, batch);
    }
    if (phases.contains("latency")) {
      new SpcLatency(context).run(rates, duration, warmup, runs, sockets, outOfControlEvery);
    }
    if (phases.contains("history")) {
      new HistoryCost(context).run(history, probes, runs, batch);
    }
    System.exit(0); // runs the hook that stops the stack, whatever client threads are still alive
  }
}
