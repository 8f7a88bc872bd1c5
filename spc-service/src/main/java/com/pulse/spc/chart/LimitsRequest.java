package com.pulse.spc.chart;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST .../control-limits}: the baseline to freeze limits from.
 *
 * @param fromSubgroup the first complete subgroup when absent
 * @param toSubgroup the last complete subgroup when absent
 * @param exclude subgroups within the baseline to leave out (special causes found and removed)
 */
record LimitsRequest(@Min(1) Long fromSubgroup, @Min(1) Long toSubgroup,
    @Size(max = 1000) List<@NotNull @Min(1) Long> exclude) {}
