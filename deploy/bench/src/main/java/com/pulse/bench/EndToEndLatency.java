package com.pulse.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * REST command at the gateway → WebSocket message at a client, at fixed rates, with the whole suite running.
 *
 * <pre>
 * java -jar deploy/bench/target/pulse-bench.jar [--rates=100,1000] [--duration=30] [--warmup=20] [--runs=3]
 *      [--sockets=10] [--scenario=create|lifecycle] [--gateway=http://localhost:8080 --data=.pulse-data]
 * </pre>
 *
 * <p>{@code create} (default): each POST creates an order, one event. {@code lifecycle}: each order is then accepted,
 * started and completed by a RIS worker, four commands and four events per order; the rate counts orders, every
 * event is timed from its own command.
 *
 * Without {@code --gateway} it starts its own local stack on free ports (and stops it after). After the latency
 * tables it prints the CPU each process of the stack spent per order ({@link StackCpu}, from {@code /proc}).
 */
public final class EndToEndLatency {

  private EndToEndLatency() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int[] rates = options.integers("rates", "100,1000");
    Duration duration = options.seconds("duration", 30);
    Duration warmup = options.seconds("warmup", 20);
    int runs = options.integer("runs", 3);
    int sockets = options.integer("sockets", 10);
    String scenario = options.text("scenario", "create");
    if (!scenario.equals("create") && !scenario.equals("lifecycle")) {
      throw new IllegalArgumentException("--scenario is create or lifecycle, got " + scenario);
    }

    StackUnderTest stack = StackUnderTest.from(options);
    String gateway = stack.gatewayUrl();
    StackCpu cpu = stack.cpu();
    CpuTable cpuTable = new CpuTable("order", cpu.names());
    List<RunResult> results = measure(gateway, rates, duration, warmup, runs, sockets, scenario.equals("lifecycle"),
        cpu, cpuTable);
    System.out.printf("%n## End-to-end latency, %s%n", Instant.now());
    System.out.printf("scenario %s, %d cores, Java %s, %d sockets, %d s per run after %d s warm-up at the same "
        + "rate%n%n", scenario, Runtime.getRuntime().availableProcessors(), Runtime.version(), sockets,
        duration.toSeconds(), warmup.toSeconds());
    System.out.println(LatencyTable.medians(results));
    System.out.println(LatencyTable.runs(results));
    System.out.println(cpuTable.print("; in lifecycle, per order with its four commands"));
    System.exit(0); // runs the hook that stops the stack, whatever client threads are still alive
  }

  static List<RunResult> measure(String gateway, int[] rates, Duration duration, Duration warmup, int runs,
      int sockets, boolean lifecycle, StackCpu cpu, CpuTable cpuTable) throws Exception {
    LoadDriver driver = new LoadDriver(gateway, GatewayTokens.fetch(gateway, "dr.kim"), GatewayTokens.fetch(gateway, "ris.park"), lifecycle);
    List<RunResult> results = new ArrayList<>();
    try (Receivers receivers = new Receivers(gateway, GatewayTokens.fetch(gateway, "admin"), sockets)) {
      for (int rate : rates) {
        System.out.printf("rate %d/s: warm-up %d s%n", rate, warmup.toSeconds());
        driver.run("warm-" + rate, rate, warmup, receivers);
        settle(receivers);
        receivers.take();
        for (int run = 1; run <= runs; run++) {
          String prefix = "r" + rate + "-" + run + "-" + System.nanoTime();
          Map<String, Double> before = cpu.read();
          LoadDriver.Sent sent = driver.run(prefix, rate, duration, receivers);
          long expected = sent.accepted() * sockets;
          awaitDeliveries(receivers, expected);
          // orders, not commands: in lifecycle each order is four commands
          cpuTable.add(rate + " orders/s", run, sent.accepted() / driver.eventsPerOrder(),
              StackCpu.between(before, cpu.read()));
          Receivers.Snapshot seen = receivers.take();
          RunResult result = new RunResult(rate, sent.achievedRate(), sent.accepted(), sent.rejected(), expected,
              seen.delivered(), seen.latencyMicros(), sent.answerMicros());
          System.out.printf("rate %d/s run %d: p50 %.1f ms, p99 %.1f ms, lost %d, sockets reconnected so far %d%n",
              rate, run, result.percentileMillis(50), result.percentileMillis(99), result.lost(),
              receivers.reconnects());
          results.add(result);
        }
      }
    }
    return results;
  }

  /** Deliveries trail the last answer by milliseconds; give them a few seconds before counting losses. */
  private static void awaitDeliveries(Receivers receivers, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (receivers.delivered() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /** After a warm-up, let its last events drain so they are not counted in the first run. */
  private static void settle(Receivers receivers) throws InterruptedException {
    long before;
    do {
      before = receivers.delivered();
      Thread.sleep(500);
    } while (receivers.delivered() != before);
  }
}
