package com.pulse.bench.gateway;

import com.pulse.bench.OpenLoop;
import com.pulse.bench.GatewayTokens;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Gateway overhead: the same POSTs at the same fixed rate, alternately straight to a service and through the
 * gateway, in several runs; prints the median over runs of each side's p50 and p99 and what the gateway adds.
 *
 * <p>It serves the "service" itself: a small echo server on loopback ({@code --upstream-port}, answers 201 with the
 * request body), which the gateway must route {@code /api/ocs/**} to. Start the gateway first, e.g.
 * <pre>
 * PORT=18080 SPRING_PROFILES_ACTIVE=local OCS_URL=http://127.0.0.1:18181 java -jar gateway/target/gateway.jar
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.gateway.GatewayOverhead \
 *     --gateway=http://127.0.0.1:18080 --upstream-port=18181 [--rate=1000] [--duration=15] [--warmup=10] [--runs=3]
 * </pre>
 * Requests carry a token from the gateway's {@code /auth/token} (demo user {@code dr.kim}); the direct calls carry
 * it too, unchecked. Open loop: latency counts from each request's due time, so a stall cannot hide.
 */
public final class GatewayOverhead {

  private static final String BODY = "{\"patientId\":\"P-BENCH\",\"jobRole\":\"RIS\",\"orderCode\":\"CBC\"}";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    Options flags = Options.parse(args);
    String gateway = flags.text("gateway", "http://127.0.0.1:18080");
    int upstreamPort = flags.integer("upstream-port", 18181);
    int rate = flags.integer("rate", 1000);
    Duration duration = flags.seconds("duration", 15);
    Duration warmup = flags.seconds("warmup", 10);
    int runs = flags.integer("runs", 3);
    flags.rejectUnknown();

    HttpServer upstream = echoServer(upstreamPort);
    try {
      new GatewayOverhead().measure(gateway, "http://127.0.0.1:" + upstreamPort, rate, duration, warmup, runs);
    } finally {
      upstream.stop(0);
    }
  }

  void measure(String gateway, String direct, int rate, Duration duration, Duration warmup, int runs)
      throws Exception {
    String bearer = "Bearer " + GatewayTokens.fetch(gateway, "dr.kim");
    URI viaGateway = URI.create(gateway + "/api/ocs/orders");
    URI straight = URI.create(direct + "/api/ocs/orders");
    System.out.printf("warming up %d s each side at %d/s%n", warmup.toSeconds(), rate);
    run(straight, bearer, rate, warmup);
    run(viaGateway, bearer, rate, warmup);

    List<Result> directResults = new ArrayList<>();
    List<Result> gatewayResults = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Result d = run(straight, bearer, rate, duration);
      Result g = run(viaGateway, bearer, rate, duration);
      directResults.add(d);
      gatewayResults.add(g);
      System.out.printf("run %d: direct %s | gateway %s%n", i, d, g);
    }
    System.out.println();
    System.out.printf("| %d POST/s, %d s x %d runs | p50 ms | p99 ms | answered/s | errors |%n", rate,
        duration.toSeconds(), runs);
    System.out.println("|---|---|---|---|---|");
    row("direct", directResults);
    row("gateway", gatewayResults);
    System.out.printf("| gateway adds | %.2f | %.2f | | |%n",
        Medians.of(gatewayResults, Result::p50) - Medians.of(directResults, Result::p50),
        Medians.of(gatewayResults, Result::p99) - Medians.of(directResults, Result::p99));
  }

  private Result run(URI target, String bearer, int rate, Duration duration) throws InterruptedException {
    OpenLoop loop = new OpenLoop(rate, duration);
    long total = loop.total();
    Recorder latencies = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    Phaser answers = new Phaser(1);
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .header("Authorization", bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    for (long i = 0; i < total; i++) {
      long due = loop.awaitDue(i);
      answers.register();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        if (error == null && response.statusCode() == 201) {
          latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
          ok.incrementAndGet();
        } else {
          errors.incrementAndGet();
        }
        answers.arriveAndDeregister();
      });
    }
    answers.arriveAndAwaitAdvance();
    double seconds = loop.elapsed() / 1e9;
    Histogram histogram = latencies.getIntervalHistogram();
    return new Result(histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
        ok.get() / seconds, errors.get());
  }

  /** The stand-in service: 201 with the request body, on loopback, one virtual thread per exchange. */
  private static HttpServer echoServer(int port) throws IOException {
    // the JDK server closes kept-alive connections beyond 200 idle ones, which a pooling proxy then finds closed
    System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
    System.setProperty("sun.net.httpserver.idleInterval", "120");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (body.length == 0) {
        body = "{}".getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static void row(String name, List<Result> results) {
    System.out.printf("| %s | %.2f | %.2f | %.0f | %d |%n", name, Medians.of(results, Result::p50),
        Medians.of(results, Result::p99), Medians.of(results, Result::perSecond),
        results.stream().mapToLong(Result::errors).sum());
  }

  record Result(double p50, double p99, double perSecond, long errors) {

    @Override
    public String toString() {
      return String.format("p50 %.2f ms p99 %.2f ms %.0f/s errors %d", p50, p99, perSecond, errors);
    }
  }
}
