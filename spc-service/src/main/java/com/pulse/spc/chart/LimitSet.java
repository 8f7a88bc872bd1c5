package com.pulse.spc.chart;

import com.pulse.spc.statistics.ChartType;
import com.pulse.spc.statistics.ControlLimits;
import java.time.Instant;
import java.util.List;

/**
 * A frozen, versioned control-limit set: the API's answer and the payload of {@code spc.limits.frozen}.
 *
 * @param plottedSigma σ of the plotted statistic (one zone's width): sigmaWithin / √n
 * @param excluded subgroups left out of the baseline
 * @param automatic frozen by the default baseline, not by a person
 */
record LimitSet(
    long productId,
    String productCode,
    int version,
    ChartType chart,
    double centerLine,
    double ucl,
    double lcl,
    double dispersionCenterLine,
    double dispersionUcl,
    double dispersionLcl,
    double sigmaWithin,
    double plottedSigma,
    int subgroupSize,
    int subgroupsUsed,
    long fromSubgroup,
    long toSubgroup,
    List<Long> excluded,
    boolean automatic,
    Instant frozenAt,
    String frozenBy) {

  ControlLimits limits() {
    return new ControlLimits(chart, subgroupSize, subgroupsUsed, centerLine, ucl, lcl, dispersionCenterLine,
        dispersionUcl, dispersionLcl, sigmaWithin, plottedSigma);
  }
}
