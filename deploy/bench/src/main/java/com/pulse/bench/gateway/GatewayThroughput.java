package com.pulse.bench.gateway;

import com.pulse.bench.Options;
import com.pulse.servers.LocalProcesses;
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

/**
 * Gateway overhead at full speed: the same {@code wrk} load (same threads, connections and duration), alternately
 * straight to a stand-in service and through the real gateway, several runs; prints the median throughput and
 * p50/p99 of each side, the throughput ratio and the latency the gateway adds.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.gateway.GatewayThroughput \
 *     [--runs=5] [--duration=10] [--warmup=10] [--threads=1] [--connections=32] [--method=POST|GET]
 *     [--timeout=2] [--access-log=true] [--gateway-jvm-options="-Xmx512m ..."]
 * </pre>
 *
 * <p>It starts everything itself on free ports: the stand-in service ({@link EchoService}) in this JVM, and the
 * gateway from {@code gateway/target/gateway.jar} as its own JVM (profile {@code local}, per-user rate limit
 * raised so the load is not throttled), and stops the gateway when done or interrupted. Needs {@code wrk} on the
 * PATH. Closed loop: wrk sends as fast as answers come back, so this measures capacity; {@link GatewayOverhead}
 * measures latency at a fixed rate. Both sides carry the same token; the stand-in does not check it.
 */
public final class GatewayThroughput {

  private static final String PATH = "/api/ocs/orders";

  private GatewayThroughput() {}

  public static void main(String[] args) throws Exception {
    Options flags = Options.parse(args);
    int runs = flags.integer("runs", 5);
    Duration duration = flags.seconds("duration", 10);
    Duration warmup = flags.seconds("warmup", 10);
    int threads = flags.integer("threads", 1);
    int connections = flags.integer("connections", 32);
    String method = flags.text("method", "POST").toUpperCase(Locale.ROOT);
    Duration timeout = flags.seconds("timeout", 2);
    boolean accessLog = flags.bool("access-log", true);
    List<String> jvmOptions = flags.words("gateway-jvm-options");
    flags.rejectUnknown();
    if (!method.equals("POST") && !method.equals("GET")) {
      throw new IllegalArgumentException("--method is POST or GET, got " + method);
    }
    if (!Wrk.installed()) {
      System.err.println(Wrk.NOT_INSTALLED);
      System.exit(1);
    }

    try (EchoService upstream = EchoService.start(LocalProcesses.freePort());
        GatewayProcess gateway = GatewayProcess.start(
            Map.of("OCS_URL", upstream.url(),
                // one user sends everything: its request budget must not be what limits the rate
                "PULSE_RATE_USER_PER_SECOND", "10000000", "PULSE_RATE_USER_BURST", "10000000"),
            accessLog ? Map.of() : Map.of("pulse.gateway.access-log", "false"), jvmOptions)) {
      System.out.println("stand-in service on " + upstream.url());
      String token = gateway.token("dr.kim");
      String direct = upstream.url() + PATH;
      String viaGateway = gateway.url() + PATH;
      requireAnswer(direct, method, token);
      requireAnswer(viaGateway, method, token);

      Wrk wrk = new Wrk(method, token, threads, connections, timeout);
      ProcessCpu cpu = new ProcessCpu(gateway.pid());
      System.out.printf("warm-up: %d s direct, %d s through the gateway (not counted)%n", warmup.toSeconds(),
          warmup.toSeconds());
      wrk.run(direct, warmup);
      wrk.run(viaGateway, warmup);

      List<ThroughputRun> results = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        results.add(measure(wrk, cpu, run, ThroughputRun.DIRECT, direct, duration));
        results.add(measure(wrk, cpu, run, ThroughputRun.GATEWAY, viaGateway, duration));
      }
      String load = String.format("%s, %d thread(s), %d connections, %d s", method, threads, connections,
          duration.toSeconds());
      System.out.printf("%n## Gateway throughput, %s%n", Instant.now());
      System.out.printf("%d cores, Java %s, access log %s; wrk %s on loopback, %d s warm-up per side%n%n",
          Runtime.getRuntime().availableProcessors(), Runtime.version(), accessLog ? "on" : "off", load,
          warmup.toSeconds());
      System.out.println(ThroughputReport.summary(results, load));
      System.out.println(ThroughputReport.runs(results));
      GatewayLog.print(gateway.log());
    }
    System.exit(0);
  }

  private static ThroughputRun measure(Wrk wrk, ProcessCpu cpu, int run, String side, String url,
      Duration duration) throws Exception {
    ProcessCpu.Sample before = cpu.sample();
    WrkResult result = wrk.run(url, duration);
    ProcessCpu.Usage usage = ProcessCpu.between(before, cpu.sample());
    ThroughputRun done = new ThroughputRun(run, side, result, usage, ProcessCpu.loadAverage());
    System.out.printf("run %d %-7s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  non-2xx %d  socket errors %d%s  "
        + "CPU gateway %3.0f %% bench %3.0f %% wrk %3.0f %%%n", run, side, result.requestsPerSecond(), result.p50(),
        result.p99(), result.non2xx(), result.socketErrors(),
        result.socketErrors() == 0 ? "" : " (" + result.socketErrorKinds() + ")", usage.gateway(), usage.self(),
        usage.waitedChildren());
    return done;
  }

  /** One request first, so a wrong route or token fails with its answer instead of a table of errors. */
  private static void requireAnswer(String url, String method, String token) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token);
    if (method.equals("POST")) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Wrk.ORDER));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " "
          + response.body());
    }
  }
}
