package com.pulse.spc.chart;

import com.pulse.spc.statistics.Violation;
import java.time.Instant;
import java.util.List;

/** The payload of {@code spc.measurement.recorded} ({@code urn:pulse:schema:spc.measurement.recorded:v1}). */
record MeasurementRecorded(
    long measurementId,
    long productId,
    String productCode,
    String productName,
    double value,
    long subgroupNumber,
    int sampleNumber,
    boolean subgroupComplete,
    boolean withinSpec,
    Boolean withinControl,
    List<Violation> violations,
    Integer limitVersion,
    Instant measuredAt,
    String recordedBy) {}
