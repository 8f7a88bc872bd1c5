package com.pulse.spc.chart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * One measured value. The value must be a finite number ({@link Measurements#check}); subgroup and sample number
 * are assigned when absent.
 *
 * @param subgroupNumber when given, the subgroup being filled (or the next one when the last is complete)
 * @param sampleNumber when given, a free place 1..subgroupSize in that subgroup
 * @param measuredAt when it was measured; now when absent
 */
record MeasurementRequest(
    @NotNull Double value,
    @Min(1) Long subgroupNumber,
    @Min(1) @Max(25) Integer sampleNumber,
    Instant measuredAt) {}
