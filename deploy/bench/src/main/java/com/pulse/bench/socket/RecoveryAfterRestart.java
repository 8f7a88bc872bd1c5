package com.pulse.bench.socket;

import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Clients reconnecting after a notification-service restart, while events keep flowing: how long until every client
 * is back and has recovered what it missed, and whether any event was lost or delivered twice.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.socket.RecoveryAfterRestart \
 *     [--clients=1000] [--rate=100] [--runs=3] [--between=10] [--crash=false]
 * </pre>
 *
 * <p>{@code --clients} ADMINs (all in {@code ocs:all}) connect to one instance; events are published to Kafka at
 * {@code --rate}/s for the whole benchmark. Each run restarts the instance: SIGTERM (it tells clients to reconnect,
 * 1012) or with {@code --crash=true} SIGKILL (their connections just drop), then starts it again on the same port.
 * Clients reconnect as a front-end should (exponential backoff with full jitter, 50 ms doubling to 2 s) and send
 * their stream position as {@code since}. Measured per run: stop → the new instance reports healthy, stop → the
 * last client had resubscribed every channel (clients connect as soon as the port is open, often before the health
 * check answers), and per client the time from losing the connection to being recovered. At the end every client must hold every event published since it first connected, each once.
 */
public final class RecoveryAfterRestart {

  private RecoveryAfterRestart() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int clients = options.integer("clients", 1_000);
    int rate = options.integer("rate", 100);
    int runs = options.integer("runs", 3);
    Duration between = options.seconds("between", 10);
    boolean crash = options.bool("crash", false);
    String heap = options.text("heap", "384m");
    options.rejectUnknown();

    List<String> tokens = BenchUsers.admins(clients);
    List<RunResult> results = new ArrayList<>();
    long published;
    long duplicates = 0;
    String missing;
    try (NotificationUnderTest service = NotificationUnderTest.start(List.of("-Xmx" + heap),
        Map.of("PULSE_SOCKET_MAX_CONNECTIONS", "100000"));
        OrderEventPublisher publisher = new OrderEventPublisher(service.kafkaBootstrapServers());
        Fleet fleet = Fleet.start(service.socketUri(), tokens, clients, true, service.logs())) {
      String opened = fleet.ask(0, "open");
      if (Long.parseLong(opened.split(" ")[1]) != clients) {
        throw new IllegalStateException("not every client connected: " + opened);
      }
      PacedEvents events = PacedEvents.start(publisher, rate);
      for (int run = 1; run <= runs; run++) {
        Thread.sleep(between.toMillis()); // events keep flowing to connected clients between restarts
        RunResult result = restart(service, fleet, clients, crash, run);
        results.add(result);
        System.out.println(result);
      }
      Thread.sleep(between.toMillis());
      published = events.stop();
      Thread.sleep(3_000); // the last events reach the clients
      String stats = fleet.ask(0, "stats");
      duplicates = Long.parseLong(stats.split(" ")[4]);
      missing = fleet.ask(0, "missing 0 " + (published - 1));
      System.out.println(stats);
    }
    String[] lost = missing.split(" ");
    System.out.printf("%n## Recovery after a notification-service %s, %s%n%n", crash ? "crash (SIGKILL)"
        : "restart (SIGTERM)", Instant.now());
    System.out.printf("%d clients, %d events/s published throughout (%d in all), %d restarts %d s apart, service "
        + "-Xmx%s, Java %s%n%n", clients, rate, published, runs, between.toSeconds(), heap, Runtime.version());
    MarkdownTable table = new MarkdownTable("run", "stop → new instance healthy s", "stop → all recovered s",
        "healthy → all recovered s", "per client p50 s (lost → recovered)", "per client p99 s",
        "recovered (so far)", "not recovered (so far)");
    results.forEach(r -> table.row(r.run(), r.downtimeSeconds(), r.downtimeSeconds() + r.allRecoveredSeconds(),
        r.allRecoveredSeconds(), r.clientMillis(50) / 1000, r.clientMillis(99) / 1000, r.recovered(),
        r.notRecovered()));
    table.row("median", Medians.of(results, RunResult::downtimeSeconds),
        Medians.of(results, r -> r.downtimeSeconds() + r.allRecoveredSeconds()),
        Medians.of(results, RunResult::allRecoveredSeconds), Medians.of(results, r -> r.clientMillis(50)) / 1000,
        Medians.of(results, r -> r.clientMillis(99)) / 1000, "", "");
    System.out.println(table);
    System.out.printf("Events lost: %s (clients missing any: %s). Delivered twice: %d.%n", lost[2], lost[1],
        duplicates);
    System.exit(0);
  }

  private static RunResult restart(NotificationUnderTest service, Fleet fleet, int clients, boolean crash, int run)
      throws InterruptedException {
    long before = recoveries(fleet);
    long stopped = System.nanoTime();
    if (crash) {
      service.killService();
    } else {
      service.stopService();
    }
    service.startService();
    long ready = System.nanoTime();
    long deadline = ready + Duration.ofMinutes(2).toNanos();
    while (recoveries(fleet) < before + clients && System.nanoTime() < deadline) {
      Thread.sleep(50); // polls the client process; recovery times are the clients' own
    }
    String[] recovery = fleet.ask(0, "recovery").split(" ");
    String[] stats = fleet.ask(0, "stats").split(" ");
    return new RunResult(run, (ready - stopped) / 1e9, (Long.parseLong(recovery[2]) - ready) / 1e9,
        FleetStats.decode(recovery[1]), Long.parseLong(stats[7]), Long.parseLong(stats[8]));
  }

  /** Recoveries completed so far, successful or not. */
  private static long recoveries(Fleet fleet) {
    String[] stats = fleet.ask(0, "stats").split(" ");
    return Long.parseLong(stats[7]) + Long.parseLong(stats[8]);
  }

  /** @param recovered totals so far (cumulative over runs) */
  private record RunResult(int run, double downtimeSeconds, double allRecoveredSeconds, Histogram perClient,
      long recovered, long notRecovered) {

    double clientMillis(double percentile) {
      return perClient.getValueAtPercentile(percentile);
    }

    @Override
    public String toString() {
      return String.format("run %d: stop -> healthy %.1f s, healthy -> all recovered %.1f s, per client p50 %.1f s,"
          + " recovered %d, not recovered %d (so far)", run, downtimeSeconds, allRecoveredSeconds,
          clientMillis(50) / 1000, recovered, notRecovered);
    }
  }
}
