package com.pulse.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Seeds SPC's demo (seed 001) through the gateway's REST API as the demo users would: quality engineer qa.jung
 * creates {@code BOLT-M10} (subgroups of 5, X̄-R) and {@code SHAFT-D20} (individuals, I-MR); operator op.han records
 * a stable baseline of 25 subgroups each (which freezes the control limits), then a process that drifts upward until
 * it breaks run rules, goes out of control and out of spec; qa.jung runs a capability analysis that comes out below
 * the threshold. So every alert type appears, each once however long the drift. Values are pseudo-random from fixed
 * seeds: the same demo every time.
 *
 * <p>Only for an empty stack: {@link #seedIfEmpty()} does nothing when any product exists already.
 */
public final class DemoQuality {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

  private final DemoGateway gateway;

  /** @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080} */
  public DemoQuality(String gatewayUrl) {
    this.gateway = new DemoGateway(gatewayUrl, TIMEOUT, "seeding the SPC demo");
  }

  /**
   * Seeds the demo products unless the stack has products already.
   *
   * @return how many products were created; 0 when products existed already
   */
  public int seedIfEmpty() {
    Matcher total = TOTAL.matcher(gateway.send("GET", "api/spc/products", "qa.jung", null));
    if (total.find() && Long.parseLong(total.group(1)) > 0) {
      return 0;
    }
    long bolt = product("{\"code\":\"BOLT-M10\",\"name\":\"M10 bolt, shank diameter\",\"unit\":\"mm\",\"lsl\":9.8,"
        + "\"usl\":10.2,\"target\":10.0,\"subgroupSize\":5}");
    record(bolt, drifting(10.0, 0.05, 25 * 5, 5, 14, 0.018, 10.62, 42));
    long shaft = product("{\"code\":\"SHAFT-D20\",\"name\":\"20 mm shaft, bearing seat\",\"unit\":\"mm\","
        + "\"lsl\":19.95,\"usl\":20.05,\"target\":20.0,\"subgroupSize\":1}");
    record(shaft, drifting(20.0, 0.008, 25, 1, 14, 0.004, 20.06, 7));
    gateway.send("POST", "api/spc/products/" + bolt + "/capability", "qa.jung", "{}");
    gateway.send("POST", "api/spc/products/" + shaft + "/capability", "qa.jung", "{}");
    return 2;
  }

  /** {@code java -cp ... com.pulse.local.DemoQuality http://localhost:8080}: seeds a running stack. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8080";
    int created = new DemoQuality(url).seedIfEmpty();
    System.out.println(created == 0 ? "Products exist already: no SPC demo added."
        : "Added " + created + " SPC demo products through " + url);
  }

  /**
   * A stable baseline around {@code center}, then {@code driftSubgroups} subgroups whose mean climbs by {@code step}
   * each, then one value at {@code outOfSpec}.
   */
  static List<Double> drifting(double center, double sigma, int baselineValues, int subgroupSize,
      int driftSubgroups, double step, double outOfSpec, long seed) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < baselineValues; i++) {
      values.add(round(center + random.nextGaussian() * sigma));
    }
    for (int s = 1; s <= driftSubgroups; s++) {
      for (int i = 0; i < subgroupSize; i++) {
        values.add(round(center + s * step + random.nextGaussian() * sigma / 2));
      }
    }
    values.add(outOfSpec);
    return values;
  }

  private long product(String json) {
    Matcher id = ID.matcher(gateway.send("POST", "api/spc/products", "qa.jung", json));
    if (!id.find()) {
      throw new IllegalStateException("no product id in the answer to " + json);
    }
    return Long.parseLong(id.group(1));
  }

  private void record(long product, List<Double> values) {
    String body = values.stream().map(v -> "{\"value\":" + v + "}")
        .collect(Collectors.joining(",", "{\"measurements\":[", "]}"));
    gateway.send("POST", "api/spc/products/" + product + "/measurements/batch", "op.han", body);
  }

  private static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", value));
  }
}
