package com.pulse.spc.statistics;

/**
 * A test for special causes that fired on a point: Minitab's test number and what the test looks for, as a person
 * reads it ({@code {test: 2, description: "9 points in a row on one side of the center line"}}).
 */
public record Violation(int test, String description) {

  static Violation of(NelsonTest test, int k) {
    return new Violation(test.number(), test.describe(k));
  }
}
