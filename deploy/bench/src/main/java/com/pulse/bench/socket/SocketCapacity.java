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
 * How many idle WebSocket connections one notification-service instance holds, and what each costs.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.socket.SocketCapacity \
 *     [--connections=19000] [--per-process=5000] [--runs=3] [--hold=90] [--heap=384m]
 * </pre>
 *
 * <p>Starts PostgreSQL, Kafka and one notification-service (the local stack's JVM options, {@code -Xmx} from
 * {@code --heap}); signs a token for each of {@code --connections} distinct users (a hospital's mix of roles, each
 * joining its channels on connect); then, per run, opens the connections from client processes of
 * {@code --per-process} each (a reading after each process), holds them {@code --hold} seconds — longer than the
 * service's idle timeout, so the heartbeat must keep them — checks that every one is still open, closes them and
 * reads again. Memory per connection = (reading with all open − reading before) / connections, heap after a full
 * GC and RSS. Prints a table per run and the median and max over runs.
 */
public final class SocketCapacity {

  private SocketCapacity() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int connections = options.integer("connections", 19_000);
    int perProcess = options.integer("per-process", 5_000);
    int runs = options.integer("runs", 3);
    Duration hold = Duration.ofSeconds(options.integer("hold", 90));
    String heap = options.text("heap", "384m");

    System.out.printf("Signing %d tokens ...%n", connections);
    List<String> tokens = BenchUsers.mixed(connections);
    System.out.println("Starting PostgreSQL, Kafka and notification-service ...");
    try (NotificationUnderTest service = NotificationUnderTest.start(List.of("-Xmx" + heap),
        Map.of("PULSE_SOCKET_MAX_CONNECTIONS", "100000"))) {
      warmUp(service, tokens);
      List<double[]> perConnection = new ArrayList<>();
      List<String> summaries = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        RunResult result = run(service, tokens, perProcess, hold, run);
        perConnection.add(new double[] {result.heapPerConnectionKb(), result.rssPerConnectionKb()});
        summaries.add(result.row());
      }
      System.out.printf("%n## Idle connections on one notification-service, %s%n%n", Instant.now());
      System.out.printf("%d connections (%d client processes), held %d s each run, service -Xmx%s, Java %s%n%n",
          connections, (connections + perProcess - 1) / perProcess, hold.toSeconds(), heap, Runtime.version());
      MarkdownTable table = new MarkdownTable("run", "connected", "failed", "handshake p50 ms", "handshake p99 ms",
          "open after hold", "closed by server", "heap after GC MB (before → all open → closed)",
          "RSS MB (before → all open)", "heap KB / connection", "RSS KB / connection");
      summaries.forEach(row -> table.row((Object[]) row.split("\t")));
      System.out.println(table);
      double[] heapKb = perConnection.stream().mapToDouble(values -> values[0]).toArray();
      double[] rssKb = perConnection.stream().mapToDouble(values -> values[1]).toArray();
      System.out.println(new MarkdownTable("per connection, over " + runs + " runs", "median KB", "max KB")
          .row("heap after GC", Medians.of(heapKb), Medians.max(heapKb))
          .row("RSS", Medians.of(rssKb), Medians.max(rssKb)));
    }
    System.exit(0);
  }

  /** Loads the classes and compiles the hot paths of a connection's life before anything is measured. */
  private static void warmUp(NotificationUnderTest service, List<String> tokens) {
    System.out.println("Warming up: 3 x 500 connections opened and closed ...");
    for (int i = 0; i < 3; i++) {
      try (Fleet fleet = Fleet.start(service.socketUri(), tokens.subList(0, 500), 500, false, service.logs())) {
        fleet.ask("open");
        fleet.ask("close");
      }
    }
  }

  private static RunResult run(NotificationUnderTest service, List<String> tokens, int perProcess, Duration hold,
      int run) throws InterruptedException {
    ProcessReadings before = ProcessReadings.of(service.pid());
    MarkdownTable steps = new MarkdownTable("open connections", "heap after GC MB", "RSS MB", "threads");
    steps.row(0, before.heapMb(), before.rssMb(), before.threads());
    long connected = 0;
    long failed = 0;
    Histogram handshakes = new Histogram(3);
    try (Fleet fleet = Fleet.start(service.socketUri(), tokens, perProcess, false, service.logs())) {
      for (int process = 0; process < fleet.processes(); process++) {
        String[] opened = fleet.ask(process, "open").split(" ");
        connected += Long.parseLong(opened[1]);
        failed += Long.parseLong(opened[2]);
        handshakes.add(FleetStats.decode(opened[3]));
        ProcessReadings step = ProcessReadings.of(service.pid());
        steps.row(connected, step.heapMb(), step.rssMb(), step.threads());
        System.out.printf("run %d: %d connected, %d failed%n", run, connected, failed);
      }
      System.out.printf("run %d: holding %d s ...%n", run, hold.toSeconds());
      Thread.sleep(hold.toMillis()); // the measurement: idle connections must survive the idle timeout
      long open = 0;
      String closes = "";
      for (String stats : fleet.ask("stats")) {
        String[] fields = stats.split(" ");
        open += Long.parseLong(fields[1]);
        closes += fields[9].equals("-") ? "" : fields[9] + " ";
      }
      ProcessReadings full = ProcessReadings.of(service.pid());
      fleet.ask("close");
      ProcessReadings after = ProcessReadings.of(service.pid());
      System.out.printf("%nrun %d, memory as the connections were opened:%n%n%s%n", run, steps);
      return new RunResult(run, connected, failed, handshakes, open, closes.isBlank() ? "none" : closes.trim(),
          before, full, after);
    }
  }

  private record RunResult(int run, long connected, long failed, Histogram handshakes, long openAfterHold,
      String serverCloses, ProcessReadings before, ProcessReadings full, ProcessReadings after) {

    double heapPerConnectionKb() {
      return (full.heapAfterGc() - before.heapAfterGc()) / 1024.0 / connected;
    }

    double rssPerConnectionKb() {
      return (full.rss() - before.rss()) / 1024.0 / connected;
    }

    String row() {
      return String.join("\t", String.valueOf(run), String.valueOf(connected), String.valueOf(failed),
          String.format("%.1f", handshakes.getValueAtPercentile(50) / 1000.0),
          String.format("%.1f", handshakes.getValueAtPercentile(99) / 1000.0), String.valueOf(openAfterHold),
          serverCloses, String.format("%.0f → %.0f → %.0f", before.heapMb(), full.heapMb(), after.heapMb()),
          String.format("%.0f → %.0f", before.rssMb(), full.rssMb()), String.format("%.1f", heapPerConnectionKb()),
          String.format("%.1f", rssPerConnectionKb()));
    }
  }
}
