package com.pulse.bench.spc;

import com.pulse.bench.BenchHttp;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Products for the benchmark: individuals (n = 1), spec 0–100 around target 50, all eight run rules on, and control
 * limits frozen from a baseline of 25 values drawn from N(50, 1) — spc-service freezes them itself once the 25th
 * complete subgroup exists. Every value after that is judged (Phase II).
 */
final class SpcProducts {

  static final double CENTER = 50;
  static final double SIGMA = 1;
  private static final int BASELINE = 25;

  private final BenchHttp http;
  private final String quality;

  SpcProducts(BenchHttp http, String qualityToken) {
    this.http = http;
    this.quality = qualityToken;
  }

  /** A new product with its limits frozen; its id. */
  long create(String purpose, String operator) throws Exception {
    String code = "BENCH-" + purpose + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    long id = http.call("POST", "/api/spc/products", quality, "{\"code\":\"" + code + "\",\"name\":\"Bench " + purpose
        + "\",\"unit\":\"mm\",\"lsl\":0.0,\"usl\":100.0,\"target\":50.0,\"subgroupSize\":1}", 201).path("id").asLong();
    Random random = new Random(id);
    StringJoiner values = new StringJoiner(",");
    for (int i = 0; i < BASELINE; i++) {
      values.add("{\"value\":" + (CENTER + SIGMA * random.nextGaussian()) + "}");
    }
    http.call("POST", "/api/spc/products/" + id + "/measurements/batch", operator,
        "{\"measurements\":[" + values + "]}", 201);
    // the default baseline froze version 1 in the transaction of the 25th value
    http.call("GET", "/api/spc/products/" + id + "/control-limits", quality, null, 200);
    return id;
  }

  /**
   * The {@code i}-th value of a stream: in control (N(50, 1)), except every {@code outOfControlEvery}-th, which is
   * 4.5 σ above the center line, so test 1 fires on it (out of control, still within spec).
   */
  static double value(Random random, long i, int outOfControlEvery) {
    if (outOfControlEvery > 0 && i % outOfControlEvery == outOfControlEvery - 1) {
      return CENTER + 4.5 * SIGMA + 0.1 * random.nextDouble();
    }
    return CENTER + SIGMA * Math.max(-2.5, Math.min(2.5, random.nextGaussian()));
  }

  static String batch(Random random, int size, long from, int outOfControlEvery) {
    StringJoiner values = new StringJoiner(",", "{\"measurements\":[", "]}");
    for (int i = 0; i < size; i++) {
      values.add("{\"value\":" + value(random, from + i, outOfControlEvery) + "}");
    }
    return values.toString();
  }
}
