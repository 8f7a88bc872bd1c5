package com.pulse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

  private final URI gateway;
  private final HttpClient http;
  private final Map<String, String> tokens = new HashMap<>();

  /** @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080} */
  public DemoQuality(String gatewayUrl) {
    this.gateway = URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Seeds the demo products unless the stack has products already.
   *
   * @return how many products were created; 0 when products existed already
   */
  public int seedIfEmpty() {
    Matcher total = TOTAL.matcher(send("GET", "api/spc/products", "qa.jung", null));
    if (total.find() && Long.parseLong(total.group(1)) > 0) {
      return 0;
    }
    long bolt = product("{\"code\":\"BOLT-M10\",\"name\":\"M10 bolt, shank diameter\",\"unit\":\"mm\",\"lsl\":9.8,"
        + "\"usl\":10.2,\"target\":10.0,\"subgroupSize\":5}");
    record(bolt, drifting(10.0, 0.05, 25 * 5, 5, 14, 0.018, 10.62, 42));
    long shaft = product("{\"code\":\"SHAFT-D20\",\"name\":\"20 mm shaft, bearing seat\",\"unit\":\"mm\","
        + "\"lsl\":19.95,\"usl\":20.05,\"target\":20.0,\"subgroupSize\":1}");
    record(shaft, drifting(20.0, 0.008, 25, 1, 14, 0.004, 20.06, 7));
    send("POST", "api/spc/products/" + bolt + "/capability", "qa.jung", "{}");
    send("POST", "api/spc/products/" + shaft + "/capability", "qa.jung", "{}");
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
    Matcher id = ID.matcher(send("POST", "api/spc/products", "qa.jung", json));
    if (!id.find()) {
      throw new IllegalStateException("no product id in the answer to " + json);
    }
    return Long.parseLong(id.group(1));
  }

  private void record(long product, List<Double> values) {
    String body = values.stream().map(v -> "{\"value\":" + v + "}")
        .collect(Collectors.joining(",", "{\"measurements\":[", "]}"));
    send("POST", "api/spc/products/" + product + "/measurements/batch", "op.han", body);
  }

  private static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", value));
  }

  private String send(String method, String path, String user, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token(user));
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = call(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " "
          + response.body());
    }
    return response.body();
  }

  private String token(String user) {
    return tokens.computeIfAbsent(user, u -> {
      HttpRequest login = HttpRequest.newBuilder(gateway.resolve("auth/token")).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + DemoOrders.quote(u) + ",\"password\":"
              + DemoOrders.quote(DemoOrders.PASSWORD) + "}"))
          .build();
      HttpResponse<String> response = call(login);
      Matcher token = TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new IllegalStateException("demo user " + u + " cannot log in: " + response.statusCode());
      }
      return token.group(1);
    });
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding the SPC demo", e);
    }
  }
}
