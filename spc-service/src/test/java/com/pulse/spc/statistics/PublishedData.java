package com.pulse.spc.statistics;

import java.util.ArrayList;
import java.util.List;

/** Data sets from published worked examples, typed in once for every test that checks against them. */
final class PublishedData {

  private PublishedData() {
  }

  /**
   * Inside diameters (mm) of automobile engine piston rings, 40 samples of 5: Montgomery, <i>Introduction to
   * Statistical Quality Control</i>, Table 6.3 (samples 1–25, Phase I) and Table 6.4 (samples 26–40, Phase II);
   * also R's qcc as the data set {@code pistonrings}, whose vignette prints its results.
   */
  static final double[][] PISTON_RINGS = {
      {74.030, 74.002, 74.019, 73.992, 74.008},
      {73.995, 73.992, 74.001, 74.011, 74.004},
      {73.988, 74.024, 74.021, 74.005, 74.002},
      {74.002, 73.996, 73.993, 74.015, 74.009},
      {73.992, 74.007, 74.015, 73.989, 74.014},
      {74.009, 73.994, 73.997, 73.985, 73.993},
      {73.995, 74.006, 73.994, 74.000, 74.005},
      {73.985, 74.003, 73.993, 74.015, 73.988},
      {74.008, 73.995, 74.009, 74.005, 74.004},
      {73.998, 74.000, 73.990, 74.007, 73.995},
      {73.994, 73.998, 73.994, 73.995, 73.990},
      {74.004, 74.000, 74.007, 74.000, 73.996},
      {73.983, 74.002, 73.998, 73.997, 74.012},
      {74.006, 73.967, 73.994, 74.000, 73.984},
      {74.012, 74.014, 73.998, 73.999, 74.007},
      {74.000, 73.984, 74.005, 73.998, 73.996},
      {73.994, 74.012, 73.986, 74.005, 74.007},
      {74.006, 74.010, 74.018, 74.003, 74.000},
      {73.984, 74.002, 74.003, 74.005, 73.997},
      {74.000, 74.010, 74.013, 74.020, 74.003},
      {73.988, 74.001, 74.009, 74.005, 73.996},
      {74.004, 73.999, 73.990, 74.006, 74.009},
      {74.010, 73.989, 73.990, 74.009, 74.014},
      {74.015, 74.008, 73.993, 74.000, 74.010},
      {73.982, 73.984, 73.995, 74.017, 74.013},
      {74.012, 74.015, 74.030, 73.986, 74.000},
      {73.995, 74.010, 73.990, 74.015, 74.001},
      {73.987, 73.999, 73.985, 74.000, 73.990},
      {74.008, 74.010, 74.003, 73.991, 74.006},
      {74.003, 74.000, 74.001, 73.986, 73.997},
      {73.994, 74.003, 74.015, 74.020, 74.004},
      {74.008, 74.002, 74.018, 73.995, 74.005},
      {74.001, 74.004, 73.990, 73.996, 73.998},
      {74.015, 74.000, 74.016, 74.025, 74.000},
      {74.030, 74.005, 74.000, 74.016, 74.012},
      {74.001, 73.990, 73.995, 74.010, 74.024},
      {74.015, 74.020, 74.024, 74.005, 74.019},
      {74.035, 74.010, 74.012, 74.015, 74.026},
      {74.017, 74.013, 74.036, 74.025, 74.026},
      {74.010, 74.005, 74.029, 74.000, 74.020}};

  /**
   * Weekly cost of processing mortgage loan applications, 20 weeks: Montgomery, <i>Introduction to Statistical
   * Quality Control</i>, 6th ed., Example 6.5 (individuals and moving range chart).
   */
  static final double[] LOAN_COSTS = {310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295,
      293, 306, 301, 304};

  /** Flow rate of the first 10 batches of a new process: NIST/SEMATECH e-Handbook §6.3.2.2, moving range example. */
  static final double[] NIST_FLOW_RATE = {49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1};

  /**
   * Viscosity of an aircraft primer paint, batches 1–20 (Phase I): Montgomery, 5th ed., pp. 232–235; R's qcc as the
   * data set {@code viscosity}, whose vignette prints its individuals chart.
   */
  static final double[] VISCOSITY = {34.05, 34.40, 33.59, 35.96, 34.70, 33.51, 33.79, 34.04, 34.52, 33.75, 33.27,
      33.71, 34.03, 34.58, 34.02, 33.97, 34.05, 34.04, 33.73, 34.05};

  /**
   * Gap width means of 21 subgroups of 5 and their ranges: SAS/QC User's Guide, SHEWHART procedure, "Applying Tests
   * for Special Causes" (sample library SHWTEST, data set Parts). SAS reports test 5 positive at sample 14, the
   * only signal of tests 1 to 5.
   */
  static final double[] GAP_WIDTH_MEANS = {270, 258, 248, 260, 273, 260, 259, 248, 260, 255, 268, 253, 273, 275, 257,
      269, 249, 264, 258, 248, 248};
  static final double[] GAP_WIDTH_RANGES = {35, 25, 24, 39, 29, 21, 37, 37, 28, 19, 36, 36, 29, 22, 24, 41, 36, 31,
      25, 36, 30};

  /** Rows of values as subgroups numbered from 1. */
  static List<Subgroup> subgroups(double[][] rows) {
    List<Subgroup> subgroups = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      subgroups.add(Subgroup.of(i + 1, rows[i]));
    }
    return subgroups;
  }

  /** The first {@code count} rows as subgroups numbered from 1. */
  static List<Subgroup> subgroups(double[][] rows, int count) {
    return subgroups(rows).subList(0, count);
  }

  /** Single values as subgroups of one, numbered from 1. */
  static List<Subgroup> individuals(double... values) {
    List<Subgroup> subgroups = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      subgroups.add(Subgroup.of(i + 1, values[i]));
    }
    return subgroups;
  }
}
