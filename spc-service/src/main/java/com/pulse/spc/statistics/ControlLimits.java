package com.pulse.spc.statistics;

/**
 * A frozen set of control limits for a pair of charts: the location chart (X̄, or I for individuals) and the
 * dispersion chart (R, S, or MR). Phase II judges new points against it; the run rules take their zones from
 * {@link #centerLine()} and {@link #plottedSigma()}.
 *
 * @param subgroupSize n: values per subgroup (1 for individuals)
 * @param subgroupsUsed how many subgroups (values, for individuals) the baseline used after exclusions
 * @param centerLine X̿ (or X̄ of the individuals)
 * @param ucl location chart upper limit, centerLine + 3·plottedSigma
 * @param lcl location chart lower limit, centerLine − 3·plottedSigma
 * @param dispersionCenterLine R̄, S̄ or MR̄
 * @param dispersionUcl D4·R̄, B4·S̄ or D4(2)·MR̄
 * @param dispersionLcl D3·R̄, B3·S̄ or 0
 * @param sigmaWithin the process σ within subgroups: R̄/d2, S̄/c4 or MR̄/d2(2)
 * @param plottedSigma σ of the plotted statistic, sigmaWithin/√n: one zone's width
 */
public record ControlLimits(
    ChartType chart,
    int subgroupSize,
    int subgroupsUsed,
    double centerLine,
    double ucl,
    double lcl,
    double dispersionCenterLine,
    double dispersionUcl,
    double dispersionLcl,
    double sigmaWithin,
    double plottedSigma) {

  public ControlLimits {
    if (chart == null) {
      throw new IllegalArgumentException("a limit set needs a chart type");
    }
    double[] numbers = {centerLine, ucl, lcl, dispersionCenterLine, dispersionUcl, dispersionLcl, sigmaWithin,
        plottedSigma};
    for (double number : numbers) {
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException("control limits must be finite numbers");
      }
    }
    if (!(plottedSigma > 0) || !(sigmaWithin > 0)) {
      throw new IllegalArgumentException("control limits need a positive sigma; the baseline shows no variation");
    }
  }

  /** Whether a plotted value (subgroup mean or individual) lies on or inside the location limits. */
  public boolean withinControl(double plotted) {
    return plotted >= lcl && plotted <= ucl;
  }

  /** Whether a range, standard deviation or moving range lies on or inside the dispersion limits. */
  public boolean dispersionWithinControl(double dispersion) {
    return dispersion >= dispersionLcl && dispersion <= dispersionUcl;
  }

  /** How many σ of the plotted statistic a value lies from the center line, signed (positive above). */
  public double sigmasFromCenter(double plotted) {
    return (plotted - centerLine) / plottedSigma;
  }
}
