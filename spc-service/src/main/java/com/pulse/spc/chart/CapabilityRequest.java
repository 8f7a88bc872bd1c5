package com.pulse.spc.chart;

import jakarta.validation.constraints.Min;

/** {@code POST .../capability}: the complete subgroups to analyze; all of them by default. */
record CapabilityRequest(@Min(1) Long fromSubgroup, @Min(1) Long toSubgroup) {}
