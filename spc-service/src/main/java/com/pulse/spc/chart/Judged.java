package com.pulse.spc.chart;

import com.pulse.spc.statistics.Violation;
import java.time.Instant;
import java.util.List;

/**
 * A recorded value and its judgement, as the API answers it.
 *
 * @param subgroupComplete whether this value completed its subgroup, whose point was then judged
 * @param withinControl the subgroup's point within the control limits (location and dispersion); {@code null} while
 *     the subgroup is incomplete or no limit set exists
 * @param violations the run-rule tests that fired on the subgroup's point (only on the value that completed it)
 * @param limitVersion the limit set it was judged against
 */
record Judged(
    long id,
    long productId,
    double value,
    long subgroupNumber,
    int sampleNumber,
    boolean subgroupComplete,
    boolean withinSpec,
    Boolean withinControl,
    List<Violation> violations,
    Integer limitVersion,
    Instant measuredAt) {}
