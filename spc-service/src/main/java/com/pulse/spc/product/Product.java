package com.pulse.spc.product;

import com.pulse.spc.statistics.ChartType;
import com.pulse.spc.statistics.RunRules;
import com.pulse.spc.statistics.SpecLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product as stored and as the API answers it.
 *
 * @param chart the charts its subgroup size calls for: I-MR (n = 1), X̄-R (2–10), X̄-S (11–25)
 * @param rules the run-rule tests that are on and the K of each
 * @param capabilityThreshold a capability analysis with Cpk below it raises a LOW_CAPABILITY alert
 * @param version the specification's version: the ETag that {@code PUT .../spec} compares {@code If-Match} with
 */
public record Product(
    long id,
    String code,
    String name,
    String unit,
    Double lsl,
    Double usl,
    Double target,
    int subgroupSize,
    ChartType chart,
    Rules rules,
    double capabilityThreshold,
    long version,
    Instant createdAt,
    String createdBy) {

  public static final double DEFAULT_CAPABILITY_THRESHOLD = 1.33;

  public SpecLimits spec() {
    return new SpecLimits(lsl, usl, target);
  }

  public RunRules runRules() {
    return RunRules.of(rules.tests(), rules.k());
  }

  /** The ETag: the version in quotes. */
  public String etag() {
    return "\"" + version + "\"";
  }

  /**
   * The tests that are on, by Minitab number, and K per test.
   *
   * @param k every test that is on, with its K (Minitab's default unless the product set another)
   */
  public record Rules(List<Integer> tests, Map<Integer, Integer> k) {

    public static Rules of(RunRules rules) {
      Map<Integer, Integer> k = rules.kByTestNumber();
      return new Rules(List.copyOf(k.keySet()), k);
    }
  }
}
