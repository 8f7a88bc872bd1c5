package com.pulse.spc.statistics;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product's choice of tests for special causes and the K of each: all eight with Minitab's defaults unless the
 * product says otherwise.
 */
public final class RunRules {

  private final Map<NelsonTest, Integer> kByTest;

  private RunRules(Map<NelsonTest, Integer> kByTest) {
    this.kByTest = new EnumMap<>(NelsonTest.class);
    this.kByTest.putAll(kByTest);
  }

  /** All eight tests with Minitab's default K (the default for every product). */
  public static RunRules allEight() {
    Map<NelsonTest, Integer> all = new EnumMap<>(NelsonTest.class);
    for (NelsonTest test : NelsonTest.values()) {
      all.put(test, test.defaultK());
    }
    return new RunRules(all);
  }

  /**
   * The Western Electric rules in Minitab's numbering: test 1 (beyond 3σ), 5 (2 of 3 beyond 2σ), 6 (4 of 5 beyond
   * 1σ) and 2 with K = 8 (8 in a row on one side).
   */
  public static RunRules westernElectric() {
    return of(List.of(1, 2, 5, 6), Map.of(2, 8));
  }

  /**
   * The given tests, each with Minitab's default K unless overridden.
   *
   * @param testNumbers Minitab's numbers of the tests to perform (1 to 8); {@code null} for all eight
   * @param kOverrides K per test number, for enabled tests only; {@code null} for none
   * @throws IllegalArgumentException naming an unknown test, a K for a test that is not on, or a K out of range
   */
  public static RunRules of(Collection<Integer> testNumbers, Map<Integer, Integer> kOverrides) {
    if (testNumbers == null) {
      testNumbers = allEight().kByTestNumber().keySet();
    }
    if (kOverrides == null) {
      kOverrides = Map.of();
    }
    Map<NelsonTest, Integer> chosen = new EnumMap<>(NelsonTest.class);
    for (Integer number : testNumbers) {
      NelsonTest test = NelsonTest.byNumber(requireNumber(number));
      chosen.put(test, test.defaultK());
    }
    for (Map.Entry<Integer, Integer> override : kOverrides.entrySet()) {
      NelsonTest test = NelsonTest.byNumber(requireNumber(override.getKey()));
      if (!chosen.containsKey(test)) {
        throw new IllegalArgumentException("K is given for test " + test.number() + ", which is not switched on");
      }
      Integer k = override.getValue();
      if (k == null || k < test.minK() || k > test.maxK()) {
        throw new IllegalArgumentException("K for test " + test.number() + " must be from " + test.minK() + " to "
            + test.maxK() + ", got " + k);
      }
      chosen.put(test, k);
    }
    return new RunRules(chosen);
  }

  private static int requireNumber(Integer number) {
    if (number == null) {
      throw new IllegalArgumentException("a test number is missing; the tests are numbered 1 to 8");
    }
    return number;
  }

  public boolean isOn(NelsonTest test) {
    return kByTest.containsKey(test);
  }

  /** K of a test that is on. */
  public int k(NelsonTest test) {
    Integer k = kByTest.get(test);
    if (k == null) {
      throw new IllegalStateException("test " + test.number() + " is not switched on");
    }
    return k;
  }

  /** The tests that are on, in Minitab's order, with their K, keyed by test number (what a product stores). */
  public Map<Integer, Integer> kByTestNumber() {
    Map<Integer, Integer> byNumber = new LinkedHashMap<>();
    kByTest.forEach((test, k) -> byNumber.put(test.number(), k));
    return byNumber;
  }

  /** How many of the newest points judging one point needs: the largest window of the tests that are on. */
  public int window() {
    int window = 1;
    for (Map.Entry<NelsonTest, Integer> entry : kByTest.entrySet()) {
      window = Math.max(window, entry.getKey().window(entry.getValue()));
    }
    return window;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RunRules rules && rules.kByTest.equals(kByTest);
  }

  @Override
  public int hashCode() {
    return kByTest.hashCode();
  }

  @Override
  public String toString() {
    return "RunRules" + kByTestNumber();
  }
}
