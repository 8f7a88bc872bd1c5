package com.pulse.spc.chart;

import com.pulse.spc.statistics.RunRuleEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What recording the next values of one product needs to know, read once per command with the product's row locked
 * and kept current as values are recorded: the subgroup being filled, the means of the last few complete subgroups
 * (the run rules' window, never the whole history), and the limit set in force.
 */
final class ChartState {

  /** Number of the highest subgroup; 0 before the first. */
  long lastNumber;
  boolean lastComplete = true;
  /** The values of the highest subgroup while it is incomplete, by sample number. */
  final Map<Integer, Double> openValues = new TreeMap<>();
  /** Means of the last {@link #window} complete subgroups, oldest first. */
  final List<Double> recentMeans;
  final int window;
  LimitSet limits;
  RunRuleEvaluator evaluator;

  /** @param recentMeans means of complete subgroups, oldest first; the last {@code window} are kept */
  ChartState(int window, List<Double> recentMeans) {
    this.window = window;
    this.recentMeans = new ArrayList<>(recentMeans.subList(Math.max(0, recentMeans.size() - window),
        recentMeans.size()));
  }

  /** The subgroup the next value goes into when the client names none. */
  long openNumber() {
    return lastComplete ? lastNumber + 1 : lastNumber;
  }

  /** Complete subgroups so far: every one below the highest is complete (numbers have no gaps). */
  long completeCount() {
    return lastComplete ? lastNumber : lastNumber - 1;
  }

  /** The mean of the last complete subgroup (the previous individual, for a moving range), or null. */
  Double previousMean() {
    return recentMeans.isEmpty() ? null : recentMeans.getLast();
  }

  void completed(double mean) {
    recentMeans.add(mean);
    if (recentMeans.size() > window) {
      recentMeans.removeFirst();
    }
    lastComplete = true;
    openValues.clear();
  }
}
