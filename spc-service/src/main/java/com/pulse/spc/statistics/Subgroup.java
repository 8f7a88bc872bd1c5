package com.pulse.spc.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The values measured together as one subgroup (one value for individuals charts), in the order they were taken.
 * Rejects what no statistic can use — missing, NaN or infinite values — at the door, naming the subgroup.
 *
 * @param number the subgroup number the operators see; used in messages and for excluding subgroups
 */
public record Subgroup(long number, List<Double> values) {

  public Subgroup {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("subgroup " + number + " has no values");
    }
    List<Double> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Double value = values.get(i);
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException("subgroup " + number + ", value " + (i + 1) + " is " + value
            + "; every value must be a finite number");
      }
      copy.add(value);
    }
    values = List.copyOf(copy);
  }

  /** A subgroup of the given values. */
  public static Subgroup of(long number, double... values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double value : values) {
      list.add(value);
    }
    return new Subgroup(number, list);
  }

  public int size() {
    return values.size();
  }

  /** Arithmetic mean. */
  public double mean() {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.size();
  }

  /** Largest minus smallest value; 0 for a single value. */
  public double range() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    return max - min;
  }

  /** Sum of squared deviations from the subgroup's own mean: the numerator of its variance. */
  public double sumOfSquares() {
    double mean = mean();
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum;
  }

  /** Sample standard deviation (divisor n − 1); needs two values. */
  public double standardDeviation() {
    if (values.size() < 2) {
      throw new IllegalStateException("subgroup " + number + " has one value and no standard deviation");
    }
    return Math.sqrt(sumOfSquares() / (values.size() - 1));
  }
}
