package com.pulse.bench.gateway;

import com.pulse.bench.Medians;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Markdown tables for {@link GatewayThroughput}: the medians over runs, then every run. */
final class ThroughputReport {

  private ThroughputReport() {}

  static String summary(List<ThroughputRun> runs, String load) {
    List<ThroughputRun> direct = side(runs, ThroughputRun.DIRECT);
    List<ThroughputRun> gateway = side(runs, ThroughputRun.GATEWAY);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "| %s, median of %d runs | req/s | p50 ms | p99 ms | non-2xx | socket errors"
        + " | CPU gateway %% | CPU bench+upstream %% | CPU wrk %% |%n", load, direct.size()));
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    out.append(medianRow("direct", direct));
    out.append(medianRow("through the gateway", gateway));
    double ratio = median(gateway, run -> run.result().requestsPerSecond())
        / median(direct, run -> run.result().requestsPerSecond());
    double addedP50 = median(gateway, run -> run.result().p50()) - median(direct, run -> run.result().p50());
    double addedP99 = median(gateway, run -> run.result().p99()) - median(direct, run -> run.result().p99());
    out.append(String.format(Locale.ROOT, "| the gateway: ratio, added | %.1f %% | %+.2f | %+.2f | | | | | |%n%n",
        100 * ratio, addedP50, addedP99));
    out.append(String.format(Locale.ROOT, "Throughput gateway/direct %.1f %% (aim >= 50 %%; spring-cloud-gateway-bench"
        + " anchor about 28 %%); median of the per-run ratios %.1f %%.%n", 100 * ratio,
        100 * Medians.of(pairedRatios(direct, gateway), Double::doubleValue)));
    out.append(String.format(Locale.ROOT, "Added latency p50 %+.2f ms, p99 %+.2f ms (aim: p99 <= 2 ms added).%n",
        addedP50, addedP99));
    return out.toString();
  }

  static String runs(List<ThroughputRun> runs) {
    StringBuilder out = new StringBuilder();
    out.append("| run | target | req/s | gateway/direct | p50 ms | p75 ms | p90 ms | p99 ms | max ms | requests "
        + "| non-2xx | socket errors | CPU gateway % | CPU bench+upstream % | CPU wrk % | load |\n");
    out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ThroughputRun run : runs) {
      WrkResult r = run.result();
      String ratio = "";
      if (run.side().equals(ThroughputRun.GATEWAY)) {
        double direct = runs.stream().filter(other -> other.run() == run.run()
            && other.side().equals(ThroughputRun.DIRECT)).mapToDouble(other -> other.result().requestsPerSecond())
            .findFirst().orElse(Double.NaN);
        ratio = String.format(Locale.ROOT, "%.1f %%", 100 * r.requestsPerSecond() / direct);
      }
      out.append(String.format(Locale.ROOT,
          "| %d | %s | %.0f | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d | %d | %.0f | %.0f | %.0f | %.2f |%n",
          run.run(), run.side(), r.requestsPerSecond(), ratio, r.p50(), r.p75(), r.p90(), r.p99(), r.max(),
          r.requests(), r.non2xx(), r.socketErrors(), run.cpu().gateway(), run.cpu().self(),
          run.cpu().waitedChildren(), run.load()));
    }
    return out.toString();
  }

  private static String medianRow(String name, List<ThroughputRun> runs) {
    return String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d | %d | %.0f | %.0f | %.0f |%n", name,
        median(runs, run -> run.result().requestsPerSecond()), median(runs, run -> run.result().p50()),
        median(runs, run -> run.result().p99()), runs.stream().mapToLong(run -> run.result().non2xx()).sum(),
        runs.stream().mapToLong(run -> run.result().socketErrors()).sum(), median(runs, run -> run.cpu().gateway()),
        median(runs, run -> run.cpu().self()), median(runs, run -> run.cpu().waitedChildren()));
  }

  /** Each run's gateway rate over the direct rate of the same run (they ran back to back). */
  private static List<Double> pairedRatios(List<ThroughputRun> direct, List<ThroughputRun> gateway) {
    return gateway.stream().map(g -> g.result().requestsPerSecond() / direct.stream()
        .filter(d -> d.run() == g.run()).findFirst().orElseThrow().result().requestsPerSecond()).toList();
  }

  private static List<ThroughputRun> side(List<ThroughputRun> runs, String side) {
    return runs.stream().filter(run -> run.side().equals(side)).toList();
  }

  private static double median(List<ThroughputRun> runs, ToDoubleFunction<ThroughputRun> value) {
    return Medians.of(runs, value);
  }
}
