package com.pulse.bench.start;

import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import com.pulse.local.LocalStack;
import com.pulse.local.LocalStackOptions;
import com.pulse.local.PulseLocal;
import com.pulse.local.ServiceProcess;
import com.pulse.servers.LocalProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Launch → ready of each service, from its plain jar and from its start-up cache, in turns (plain, cache, plain, ...)
 * so a machine whose speed drifts affects both alike; the ratio is taken pair by pair. Starts a local stack on free
 * ports (which trains the caches it lacks, then the benchmark waits for them), then starts one more instance of each
 * service beside the stack's, times it until its health answers UP, stops it, and so on.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.start.ColdStart --runs=3 \
 *     [--services=gateway,ocs-service,spc-service,journey-service,vote-service,notification-service]
 * </pre>
 */
public final class ColdStart {

  private static final Duration READY_LIMIT = Duration.ofMinutes(5);

  private ColdStart() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options = Options.parse(args);
    int runs = options.integer("runs", 3);
    List<String> names = List.of(options.text("services",
        "gateway,ocs-service,spc-service,journey-service,vote-service,notification-service").split(","));
    Duration training = options.seconds("training-limit", 1800);
    options.rejectUnknown();

    Path data = Files.createTempDirectory("pulse-cold-start");
    try (LocalStack stack = LocalStack.start(new LocalStackOptions(PulseLocal.repositoryRoot(), data, false,
        LocalStackOptions.Ports.free()))) {
      List<ServiceProcess> services = stack.services().stream().filter(s -> names.contains(s.name())).toList();
      awaitCaches(services, training);
      Map<String, List<double[]>> seconds = new LinkedHashMap<>();
      for (ServiceProcess service : services) {
        List<double[]> pairs = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
          double plain = timeStart(service, false, data.resolve("runs"));
          double cached = timeStart(service, true, data.resolve("runs"));
          System.out.printf("%s run %d: plain jar %.1f s, start-up cache %.1f s%n", service.name(), run, plain, cached);
          pairs.add(new double[] {plain, cached});
        }
        seconds.put(service.name(), pairs);
      }
      System.out.println();
      System.out.println(table(seconds));
    }
  }

  private static void awaitCaches(List<ServiceProcess> services, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    for (ServiceProcess service : services) {
      while (!service.startupCache().isReady()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no start-up cache for " + service.name() + " within " + limit
              + "; see " + service.log().resolveSibling(service.name() + "-startup-cache.log"));
        }
        Thread.sleep(1000);
      }
      System.out.println(service.name() + ": start-up cache " + service.startupCache().archive());
    }
  }

  /** Seconds from launching the JVM until the health endpoint answers UP. */
  private static double timeStart(ServiceProcess service, boolean fromCache, Path logs) {
    long started = System.nanoTime();
    try (ServiceProcess timed = service.another(service.name() + (fromCache ? "-cache" : "-plain"),
        LocalProcesses.freePort(), logs, fromCache)) {
      timed.awaitHealthy(READY_LIMIT);
      return (System.nanoTime() - started) / 1e9;
    }
  }

  private static String table(Map<String, List<double[]>> seconds) {
    MarkdownTable table = new MarkdownTable("service", "plain jar median s", "min", "max", "start-up cache median s",
        "min", "max", "cache / plain (median of pairs)");
    seconds.forEach((service, pairs) -> {
      double[] plain = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
      double[] cached = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
      double[] ratios = pairs.stream().mapToDouble(pair -> pair[1] / pair[0]).toArray();
      table.row(service, Medians.of(plain), min(plain), Medians.max(plain), Medians.of(cached), min(cached),
          Medians.max(cached), String.format(java.util.Locale.ROOT, "%.2f", Medians.of(ratios)));
    });
    return table.toString();
  }

  private static double min(double[] values) {
    return java.util.Arrays.stream(values).min().orElse(Double.NaN);
  }
}
