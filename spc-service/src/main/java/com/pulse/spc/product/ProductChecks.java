package com.pulse.spc.product;

import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import com.pulse.spc.statistics.RunRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a product's numbers must be, each problem named by its field, all of them at once. */
final class ProductChecks {

  private ProductChecks() {}

  static void spec(Double lsl, Double usl, Double target, List<FieldProblem> problems) {
    finite("lsl", lsl, problems);
    finite("usl", usl, problems);
    finite("target", target, problems);
    if (!problems.isEmpty()) {
      return;
    }
    if (lsl == null && usl == null) {
      problems.add(new FieldProblem("usl", "a specification needs at least one of lsl and usl"));
    } else if (lsl != null && usl != null && !(lsl < usl)) {
      problems.add(new FieldProblem("usl", "must be greater than lsl (" + lsl + "), got " + usl));
    } else if (target != null && ((lsl != null && target < lsl) || (usl != null && target > usl))) {
      problems.add(new FieldProblem("target", "must lie within lsl and usl, got " + target));
    }
  }

  /** The run rules a request asks for, or a 400 naming {@code rules}. */
  static RunRules rules(ProductRequest.RulesRequest request, List<FieldProblem> problems) {
    if (request == null) {
      return RunRules.allEight();
    }
    if (request.preset() != null && request.tests() != null) {
      problems.add(new FieldProblem("rules.tests", "give either a preset or tests, not both"));
      return null;
    }
    List<Integer> tests = request.tests();
    Map<Integer, Integer> k = request.k();
    if (request.preset() == ProductRequest.Preset.WESTERN_ELECTRIC) {
      RunRules western = RunRules.westernElectric();
      tests = new ArrayList<>(western.kByTestNumber().keySet());
      Map<Integer, Integer> merged = new HashMap<>(western.kByTestNumber());
      if (k != null) {
        merged.putAll(k);
      }
      k = merged;
    }
    try {
      return RunRules.of(tests, k);
    } catch (IllegalArgumentException e) {
      // RunRules says which: a K out of range or for a test that is off, else a test that does not exist
      problems.add(new FieldProblem(e.getMessage().startsWith("K ") ? "rules.k" : "rules.tests", e.getMessage()));
      return null;
    }
  }

  static double threshold(Double threshold, List<FieldProblem> problems) {
    if (threshold == null) {
      return Product.DEFAULT_CAPABILITY_THRESHOLD;
    }
    if (!Double.isFinite(threshold) || threshold <= 0 || threshold > 10) {
      problems.add(new FieldProblem("capabilityThreshold", "must be a number above 0 and at most 10, got "
          + threshold));
    }
    return threshold;
  }

  static void throwIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
  }

  private static void finite(String field, Double value, List<FieldProblem> problems) {
    if (value != null && !Double.isFinite(value)) {
      problems.add(new FieldProblem(field, "must be a finite number, got " + value));
    }
  }
}
