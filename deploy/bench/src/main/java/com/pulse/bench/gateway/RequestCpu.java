package com.pulse.bench.gateway;

import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.OpenLoop;
import com.pulse.bench.Options;
import com.pulse.bench.ThreadCpu;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one request costs the gateway itself: the real gateway alone (its own JVM, nothing else of the stack), one
 * client sending one request at a time over one keep-alive connection at fixed rates, and the gateway's CPU per
 * request from {@code /proc}, split by thread group (event loop, access log, JIT, GC, other) after the idle baseline
 * is subtracted. Separates the gateway's own per-request cost from the contention of a whole stack on two cores.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.gateway.RequestCpu \
 *     [--path=/.well-known/jwks.json] [--user=dr.kim] [--rates=20,50,100,200,400] [--duration=30] [--runs=3] \
 *     [--warmup=60] [--warmup-rate=500] [--access-log=true] [--gateway-jvm-options="-Xmx512m ..."]
 * </pre>
 *
 * <p>The default path is answered by the gateway from memory (its signing keys), so no service is needed; {@code
 * --user} signs in as a demo user and sends the token (a path routed to a service needs that service running).
 * Open loop: latency counts from each request's due time.
 */
public final class RequestCpu {

  private static final List<String> GROUPS = List.of("event loop", "access log", "JIT", "GC", "other");

  private RequestCpu() {}

  public static void main(String[] args) throws Exception {
    Options flags = Options.parse(args);
    String path = flags.text("path", "/.well-known/jwks.json");
    String user = flags.text("user", "");
    int[] rates = flags.integers("rates", "20,50,100,200,400");
    Duration duration = flags.seconds("duration", 30);
    int runs = flags.integer("runs", 3);
    Duration warmup = flags.seconds("warmup", 60);
    int warmupRate = flags.integer("warmup-rate", 500);
    boolean accessLog = flags.bool("access-log", true);
    List<String> jvmOptions = flags.words("gateway-jvm-options");
    flags.rejectUnknown();

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    List<Step> steps = new ArrayList<>();
    try (GatewayProcess gateway = GatewayProcess.start(
        // one user sends everything: its request budget must not be what limits the rate
        Map.of("PULSE_RATE_USER_PER_SECOND", "10000000", "PULSE_RATE_USER_BURST", "10000000",
            "PULSE_RATE_ANONYMOUS_PER_SECOND", "10000000", "PULSE_RATE_ANONYMOUS_BURST", "10000000"),
        accessLog ? Map.of() : Map.of("pulse.gateway.access-log", "false"), jvmOptions)) {
      HttpRequest request = request(URI.create(gateway.url() + path),
          user.isBlank() ? null : gateway.token(user));
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw new IllegalStateException(path + " answered " + status + ": pick a path the gateway alone serves");
      }
      System.out.printf("warm-up: %d s at %d/s (not counted)%n", warmup.toSeconds(), warmupRate);
      drive(http, request, warmupRate, warmup);

      ThreadCpu threads = new ThreadCpu(gateway.pid());
      Map<String, Double> idle = idlePerSecond(threads, Duration.ofSeconds(10));
      System.out.println("idle CPU per second: " + idle);
      for (int rate : rates) {
        for (int run = 1; run <= runs; run++) {
          Map<Long, ThreadCpu.Reading> before = threads.read();
          Driven driven = drive(http, request, rate, duration);
          Map<String, Double> used = ThreadCpu.between(before, threads.read());
          Step step = new Step(rate, run, driven, perRequestMillis(used, idle, driven));
          steps.add(step);
          System.out.println(step);
        }
      }
    }
    print(path, user, duration, runs, steps);
    System.exit(0);
  }

  private static HttpRequest request(URI uri, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  /** One request at a time on the schedule; a late answer makes the following ones late, which their latency shows. */
  private static Driven drive(HttpClient http, HttpRequest request, int rate, Duration duration) throws Exception {
    OpenLoop loop = new OpenLoop(rate, duration);
    Histogram latency = new Histogram(60_000_000_000L, 3);
    long failed = 0;
    long startedAt = System.nanoTime();
    for (long i = 0; i < loop.total(); i++) {
      long due = loop.awaitDue(i);
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      latency.recordValue(Math.max(0, System.nanoTime() - due));
      if (status / 100 != 2) {
        failed++;
      }
    }
    return new Driven(loop.total(), failed, (System.nanoTime() - startedAt) / 1e9, latency);
  }

  private static Map<String, Double> idlePerSecond(ThreadCpu threads, Duration window) throws InterruptedException {
    Map<Long, ThreadCpu.Reading> before = threads.read();
    Thread.sleep(window.toMillis()); // the window is the measurement: what the gateway burns with nothing to do
    Map<String, Double> idle = ThreadCpu.between(before, threads.read());
    idle.replaceAll((group, seconds) -> seconds / window.toSeconds());
    return idle;
  }

  private static Map<String, Double> perRequestMillis(Map<String, Double> used, Map<String, Double> idle,
      Driven driven) {
    Map<String, Double> millis = new TreeMap<>();
    for (String group : GROUPS) {
      double busy = used.getOrDefault(group, 0.0) - idle.getOrDefault(group, 0.0) * driven.seconds();
      millis.put(group, Math.max(0, busy) * 1e3 / driven.requests());
    }
    return millis;
  }

  private static void print(String path, String user, Duration duration, int runs, List<Step> steps) {
    System.out.printf("%n## The gateway alone: CPU per request, one request at a time (%s%s), %s%n%n", path,
        user.isBlank() ? "" : ", as " + user, Instant.now());
    System.out.printf("One keep-alive connection, open loop, %d s per step, median of %d runs; idle baseline "
        + "subtracted; Java %s%n%n", duration.toSeconds(), runs, Runtime.version());
    MarkdownTable medians = table();
    MarkdownTable each = table();
    for (int rate : steps.stream().mapToInt(Step::rate).distinct().toArray()) {
      List<Step> atRate = steps.stream().filter(step -> step.rate() == rate).toList();
      List<Object> row = new ArrayList<>(List.of(rate + "/s", "median",
          atRate.stream().mapToLong(step -> step.driven().requests()).sum(),
          atRate.stream().mapToLong(step -> step.driven().failed()).sum(),
          cpu(Medians.of(atRate, Step::total))));
      GROUPS.forEach(group -> row.add(cpu(Medians.of(atRate, step -> step.millis().get(group)))));
      row.add(latency(Medians.of(atRate, step -> step.driven().millis(50))));
      row.add(latency(Medians.of(atRate, step -> step.driven().millis(99))));
      medians.row(row.toArray());
      atRate.forEach(step -> each.row(step.cells()));
    }
    System.out.println(medians);
    System.out.println(each);
  }

  private static String cpu(double millis) {
    return String.format(Locale.ROOT, "%.3f", millis);
  }

  private static String latency(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis);
  }

  private static MarkdownTable table() {
    return new MarkdownTable("rate", "run", "requests", "not 2xx", "gateway ms CPU/request", "event loop ms",
        "access log ms", "JIT ms", "GC ms", "other ms", "p50 ms", "p99 ms");
  }

  private record Driven(long requests, long failed, double seconds, Histogram latency) {

    double millis(double percentile) {
      return latency.getValueAtPercentile(percentile) / 1e6;
    }
  }

  private record Step(int rate, int run, Driven driven, Map<String, Double> millis) {

    double total() {
      return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    Object[] cells() {
      List<Object> cells = new ArrayList<>(List.of(rate + "/s", run, driven.requests(), driven.failed(),
          cpu(total())));
      GROUPS.forEach(group -> cells.add(cpu(millis.get(group))));
      cells.add(latency(driven.millis(50)));
      cells.add(latency(driven.millis(99)));
      return cells.toArray();
    }

    @Override
    public String toString() {
      return String.format("%d/s run %d: %.3f ms CPU per request %s, p50 %.2f ms, p99 %.2f ms, %d not 2xx", rate,
          run, total(), millis, driven.millis(50), driven.millis(99), driven.failed());
    }
  }
}
