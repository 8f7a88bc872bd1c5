package com.pulse.spc.chart;

import java.time.Instant;

/**
 * A capability analysis as the API answers it and {@code spc.capability.analyzed} carries it. Indices that cannot
 * be computed (Cp and Pp of a one-sided specification, Cpm without a target) are {@code null}.
 *
 * @param ppmOutsideSpec expected parts per million outside the specification, normal with σ overall
 * @param ppmOutsideSpecWithin the same with σ within
 * @param cpkLowerBound95 one-sided 95 % lower confidence bound for Cpk
 */
record CapabilityResult(
    long id,
    long productId,
    String productCode,
    int n,
    double mean,
    Double sigmaWithin,
    Double sigmaOverall,
    Double cp,
    Double cpk,
    Double cpu,
    Double cpl,
    Double pp,
    Double ppk,
    Double cpm,
    Double ppmOutsideSpec,
    Double ppmOutsideSpecWithin,
    Double cpkLowerBound95,
    long fromSubgroup,
    long toSubgroup,
    Double lsl,
    Double usl,
    Double target,
    Instant analyzedAt,
    String analyzedBy) {}
