package com.pulse.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** Medians and maxima over runs: every table reports those, never a single run. */
public final class Medians {

  private Medians() {}

  /** The median (the mean of the middle two for an even count); NaN for none. */
  public static double of(double... values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  public static <T> double of(Collection<T> items, ToDoubleFunction<T> value) {
    return of(items.stream().mapToDouble(value).toArray());
  }

  public static double max(double... values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  public static <T> double max(Collection<T> items, ToDoubleFunction<T> value) {
    return max(items.stream().mapToDouble(value).toArray());
  }
}
