package com.pulse.spc.statistics;

import java.util.function.DoublePredicate;

/** The shapes the Nelson tests look for, each judged on the newest points of a window (oldest first). */
final class Patterns {

  private Patterns() {
  }

  /** The newest k points all satisfy the condition; false while fewer than k points exist. */
  static boolean allInRow(double[] points, int k, DoublePredicate condition) {
    if (points.length < k) {
      return false;
    }
    for (int i = points.length - k; i < points.length; i++) {
      if (!condition.test(points[i])) {
        return false;
      }
    }
    return true;
  }

  /** The newest k points strictly increase, or strictly decrease: k − 1 steps one way; a tie breaks it. */
  static boolean monotone(double[] values, int k) {
    if (values.length < k) {
      return false;
    }
    boolean up = true;
    boolean down = true;
    for (int i = values.length - k + 1; i < values.length; i++) {
      up &= values[i] > values[i - 1];
      down &= values[i] < values[i - 1];
    }
    return up || down;
  }

  /** The newest k points go up and down in turn: k − 1 steps, none flat, each opposite to the one before. */
  static boolean alternating(double[] values, int k) {
    if (values.length < k) {
      return false;
    }
    double previousStep = 0;
    for (int i = values.length - k + 1; i < values.length; i++) {
      double step = values[i] - values[i - 1];
      if (step == 0 || (previousStep != 0 && Math.signum(step) == Math.signum(previousStep))) {
        return false;
      }
      previousStep = step;
    }
    return true;
  }

  /**
   * The newest point is more than {@code zone} σ from the center line, and with it at least k of the newest k + 1
   * points are beyond the zone on the same side.
   */
  static boolean kOfKPlusOneBeyond(double[] sigmas, int k, double zone) {
    double newest = sigmas[sigmas.length - 1];
    double side = newest > zone ? 1 : newest < -zone ? -1 : 0;
    if (side == 0) {
      return false;
    }
    int beyond = 0;
    for (int i = Math.max(0, sigmas.length - (k + 1)); i < sigmas.length; i++) {
      if (sigmas[i] * side > zone) {
        beyond++;
      }
    }
    return beyond >= k;
  }
}
