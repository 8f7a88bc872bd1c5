package com.pulse.spc.chart;

import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import com.pulse.spc.product.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the values of a request must be before anything is recorded; every problem named by its field at once. */
final class Measurements {

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  private Measurements() {}

  /**
   * @param prefix {@code ""} for a single value, {@code "measurements"} for a batch (fields then read
   *     {@code measurements[3].value})
   */
  static void check(List<MeasurementRequest> requests, String prefix, Product product) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      MeasurementRequest request = requests.get(i);
      String at = field(prefix, i);
      if (request.value() != null && !Double.isFinite(request.value())) {
        problems.add(new FieldProblem(at + "value", "must be a finite number, got " + request.value()));
      }
      if (request.measuredAt() != null && (request.measuredAt().isBefore(EARLIEST)
          || !request.measuredAt().isBefore(LATEST))) {
        // the event's date-time (RFC 3339) has four-digit years
        problems.add(new FieldProblem(at + "measuredAt", "must be in the years 0001 to 9999, got "
            + request.measuredAt()));
      }
      if (request.sampleNumber() != null && request.sampleNumber() > product.subgroupSize()) {
        problems.add(new FieldProblem(at + "sampleNumber", "must be from 1 to " + product.subgroupSize()
            + " (the subgroup size of " + product.code() + "), got " + request.sampleNumber()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
  }

  static String field(String prefix, int index) {
    return prefix.isEmpty() ? "" : prefix + "[" + index + "].";
  }
}
