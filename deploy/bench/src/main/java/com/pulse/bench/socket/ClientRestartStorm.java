package com.pulse.bench.socket;

import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import com.pulse.bench.gateway.GatewayProcess;
import com.pulse.local.PulseLocal;
import com.pulse.testsupport.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The reconnect storm of issue 15 with the real thing on both sides: {@code --clients} {@code @pulse/client}
 * clients (Node, {@code deploy/bench/reconnect-storm/fleet.mjs}, the package's defaults: full jitter, recovery from
 * the resume point, dedupe) on a real notification-service, which is restarted under them (SIGTERM: it tells them
 * 1012) while order events keep flowing through Kafka. By default the clients connect through the real gateway
 * (which stays up), as front-ends do; {@code --through=direct} connects them to the instance itself.
 *
 * <pre>
 * (cd clients/js && npm ci && npm run build)
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.socket.ClientRestartStorm \
 *     [--clients=2000] [--per-process=1000] [--rate=20] [--runs=3] [--between=15] [--through=gateway|direct]
 * </pre>
 *
 * <p>Per restart: the handshakes the clients start (each one a handshake the server, or a gateway in front of it,
 * sees: refused ones while it is down included), their peak per second, and the time from the stop until every
 * client holds every event published up to the moment the new instance was healthy. At the end: events lost and
 * delivered twice to the application, over every client and the whole run.
 */
public final class ClientRestartStorm {

  private ClientRestartStorm() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int clients = options.integer("clients", 2_000);
    int perProcess = options.integer("per-process", 1_000);
    int rate = options.integer("rate", 20);
    int runs = options.integer("runs", 3);
    Duration between = options.seconds("between", 15);
    boolean throughGateway = !options.text("through", "gateway").equals("direct");
    options.rejectUnknown();

    List<String> tokens = BenchUsers.admins(clients);
    List<RunResult> results = new ArrayList<>();
    String[] totals;
    long published;
    try (NotificationUnderTest service = NotificationUnderTest.start(List.of("-Xmx512m"),
        Map.of("PULSE_SOCKET_MAX_CONNECTIONS", "100000"));
        GatewayProcess gateway = throughGateway ? gatewayInFront(service) : null;
        OrderEventPublisher publisher = new OrderEventPublisher(service.kafkaBootstrapServers());
        NodeFleet fleet = NodeFleet.start(gateway != null ? gateway.url() : service.baseUrl(), tokens, perProcess,
            service.logs())) {
      System.out.printf("%d Node clients connecting to %s ...%n", clients,
          gateway != null ? "the gateway " + gateway.url() + " in front of " + service.baseUrl() : service.baseUrl());
      List<String> opened = fleet.ask("open");
      long live = opened.stream().mapToLong(answer -> Long.parseLong(answer.split(" ")[1])).sum();
      System.out.println("before the first restart: " + opened);
      if (live != clients) {
        throw new IllegalStateException("only " + live + " of " + clients + " clients went live");
      }
      fleet.ask("attempts"); // the first connections are not part of any storm
      PacedEvents events = PacedEvents.start(publisher, rate);
      for (int run = 1; run <= runs; run++) {
        Thread.sleep(between.toMillis()); // events flow to live clients between restarts
        RunResult result = restart(service, fleet, events, clients, run);
        results.add(result);
        System.out.println(result);
      }
      Thread.sleep(between.toMillis());
      published = events.stop();
      Thread.sleep(3_000); // the last events reach the clients
      totals = sum(fleet.ask("stats 0 " + (published - 1)));
      fleet.ask("close");
    }
    print(results, clients, rate, published, runs, between, totals, throughGateway);
    System.exit(0);
  }

  /**
   * The real gateway in front of the instance, as in production: it accepts the benchmark's tokens as its own (the
   * same key and issuer), its limits are the defaults (each client is another user), and it stays up while the
   * instance restarts, so every handshake the clients start is one the gateway sees.
   */
  private static GatewayProcess gatewayInFront(NotificationUnderTest service) throws IOException {
    Path key = service.logs().resolve("gateway-signing-key.json");
    Files.createDirectories(key.getParent());
    TestTokens.shared().writeSigningKey(key);
    return GatewayProcess.start(Map.of("NOTIFICATION_URL", service.baseUrl()),
        Map.of("pulse.auth.key-file", key.toString(), "pulse.auth.issuer", TestTokens.ISSUER), List.of("-Xmx512m"));
  }

  private static RunResult restart(NotificationUnderTest service, NodeFleet fleet, PacedEvents events, int clients,
      int run) throws InterruptedException {
    long stoppedAt = System.currentTimeMillis();
    long first = events.published();
    service.stopService();
    service.startService();
    long healthyAt = System.currentTimeMillis();
    long last = events.published() - 1;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    List<Long> done = completions(fleet, first, last);
    long report = System.nanoTime();
    while (done.size() < clients && System.nanoTime() < deadline) {
      Thread.sleep(100);
      done = completions(fleet, first, last);
      if (System.nanoTime() - report > 10_000_000_000L) {
        report = System.nanoTime();
        System.out.printf("run %d: %d of %d clients recovered%n", run, done.size(), clients);
      }
    }
    fleet.ask("errors").forEach(errors -> System.out.println("run " + run + ", why handshakes ended (client side): " + errors));
    long[] attempts = fleet.ask("attempts").stream().flatMap(answer -> Arrays.stream(answer.split(" ")[1].split(",")))
        .filter(at -> !at.equals("-")).mapToLong(Long::parseLong).filter(at -> at >= stoppedAt).sorted().toArray();
    long[] recovered = done.stream().mapToLong(at -> at - stoppedAt).sorted().toArray();
    return new RunResult(run, (healthyAt - stoppedAt) / 1e3, attempts.length, peak(attempts, 1_000),
        peak(attempts, 100) * 10, percentile(recovered, 50) / 1e3, percentile(recovered, 99) / 1e3,
        recovered.length == 0 ? Double.NaN : recovered[recovered.length - 1] / 1e3, recovered.length,
        clients - recovered.length);
  }

  /** Per client holding every event {@code first..last}: the epoch ms it got the last of them. */
  private static List<Long> completions(NodeFleet fleet, long first, long last) {
    return fleet.ask("complete " + first + " " + last).stream()
        .flatMap(answer -> Arrays.stream(answer.split(" ")[2].split(","))).filter(at -> !at.equals("-"))
        .map(Long::parseLong).toList();
  }

  /** The most handshakes started within one window of {@code windowMs}, windows counted from the first. */
  private static long peak(long[] sortedAt, long windowMs) {
    Map<Long, Long> perWindow = new TreeMap<>();
    for (long at : sortedAt) {
      perWindow.merge((at - sortedAt[0]) / windowMs, 1L, Long::sum);
    }
    return perWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static double percentile(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Sums the processes' {@code STATS missing duplicated resets transports}. */
  private static String[] sum(List<String> answers) {
    long missing = 0;
    long duplicated = 0;
    long resets = 0;
    List<String> transports = new ArrayList<>();
    for (String answer : answers) {
      String[] parts = answer.split(" ");
      missing += Long.parseLong(parts[1]);
      duplicated += Long.parseLong(parts[2]);
      resets += Long.parseLong(parts[3]);
      transports.add(parts[4]);
    }
    return new String[] {String.valueOf(missing), String.valueOf(duplicated), String.valueOf(resets),
        String.join(" + ", transports)};
  }

  private static void print(List<RunResult> results, int clients, int rate, long published, int runs,
      Duration between, String[] totals, boolean throughGateway) {
    System.out.printf("%n## @pulse/client reconnect storm after a notification-service restart, %s%n%n",
        Instant.now());
    System.out.printf("%d Node clients (ocs:all) %s, %d events/s published throughout (%d in all), %d restarts "
        + "(SIGTERM, 1012) %d s apart, Java %s%n%n", clients,
        throughGateway ? "through the gateway" : "straight to the instance", rate, published, runs,
        between.toSeconds(), Runtime.version());
    MarkdownTable table = new MarkdownTable("run", "stop → new instance healthy s", "handshakes",
        "peak handshakes/s (1 s windows)", "peak handshakes/s (100 ms windows)", "stop → client recovered p50 s",
        "p99 s", "stop → all recovered s", "recovered", "not recovered");
    results.forEach(r -> table.row(r.run(), r.downSeconds(), r.handshakes(), r.peakPerSecond(),
        r.peakPer100ms(), r.p50(), r.p99(), r.all(), r.recovered(), r.notRecovered()));
    table.row("median", Medians.of(results, RunResult::downSeconds),
        Medians.of(results, r -> (double) r.handshakes()), Medians.of(results, r -> (double) r.peakPerSecond()),
        Medians.of(results, r -> (double) r.peakPer100ms()), Medians.of(results, RunResult::p50),
        Medians.of(results, RunResult::p99), Medians.of(results, RunResult::all), "", "");
    System.out.println(table);
    System.out.printf("Events lost (summed over clients): %s. Delivered twice to the application: %s. "
        + "onReset calls: %s. Transports at the end: %s.%n", totals[0], totals[1], totals[2], totals[3]);
  }

  private record RunResult(int run, double downSeconds, long handshakes, long peakPerSecond, long peakPer100ms,
      double p50, double p99, double all, int recovered, int notRecovered) {

    @Override
    public String toString() {
      return String.format("run %d: stop -> healthy %.1f s, %d handshakes (peak %d/s), all recovered %.1f s after"
          + " the stop (p50 %.1f s), %d recovered, %d not", run, downSeconds, handshakes, peakPerSecond, all, p50,
          recovered, notRecovered);
    }
  }

  /** The Node client processes, each holding {@code perProcess} clients, driven over stdin/stdout. */
  private record NodeFleet(List<LineProcess> processes) implements AutoCloseable {

    static NodeFleet start(String baseUrl, List<String> tokens, int perProcess, Path logs) throws IOException {
      Path script = PulseLocal.repositoryRoot().resolve("deploy/bench/reconnect-storm/fleet.mjs");
      if (!Files.isRegularFile(PulseLocal.repositoryRoot().resolve("clients/js/dist/index.js"))) {
        throw new IllegalStateException("clients/js is not built: (cd clients/js && npm ci && npm run build)");
      }
      Files.createDirectories(logs);
      Path tokenFile = Files.createTempFile(logs, "tokens", ".txt");
      Files.write(tokenFile, tokens);
      String capacity = String.valueOf(1 << 15); // room for every event of a long run, per client
      List<LineProcess> processes = new ArrayList<>();
      for (int from = 0, index = 0; from < tokens.size(); from += perProcess, index++) {
        String to = String.valueOf(Math.min(tokens.size(), from + perProcess));
        processes.add(LineProcess.start(List.of("node", "--max-old-space-size=2048", script.toString(), baseUrl,
            tokenFile.toString(), String.valueOf(from), to, capacity), logs.resolve("node-fleet-" + index + ".log")));
      }
      return new NodeFleet(processes);
    }

    /** Asks every process at once; their answers in process order. */
    List<String> ask(String command) {
      List<CompletableFuture<String>> answers = processes.stream()
          .map(process -> CompletableFuture.supplyAsync(() -> process.ask(command))).toList();
      return answers.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
      processes.forEach(LineProcess::stop);
    }
  }
}
