package com.pulse.spc.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/spc/products}: a new product. Numbers are checked beyond what annotations say by {@link
 * ProductChecks} (finite, LSL below USL, target inside, run rules that exist).
 *
 * @param rules {@code null} for all eight tests with Minitab's K
 */
record ProductRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
        message = "must be letters, digits, '.', '_' or '-', starting with a letter or digit") String code,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 32) String unit,
    Double lsl,
    Double usl,
    Double target,
    @NotNull @Min(1) @Max(25) Integer subgroupSize,
    @Valid RulesRequest rules,
    Double capabilityThreshold) {

  /**
   * Which run-rule tests a product performs.
   *
   * @param preset {@code ALL} (the eight with Minitab's K) or {@code WESTERN_ELECTRIC} (1, 5, 6 and 2 with K = 8);
   *     not together with {@code tests}
   * @param tests Minitab's numbers of the tests to perform; {@code null}: the preset's, or all eight
   * @param k K per test number, overriding the default of tests that are on
   */
  record RulesRequest(Preset preset, @Size(max = 8) List<Integer> tests, Map<Integer, Integer> k) {}

  enum Preset { ALL, WESTERN_ELECTRIC }
}
