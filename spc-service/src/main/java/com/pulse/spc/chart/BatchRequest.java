package com.pulse.spc.chart;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST .../measurements/batch}: 1 to 1,000 values, recorded in one transaction, in this order. */
record BatchRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid MeasurementRequest> measurements) {}
