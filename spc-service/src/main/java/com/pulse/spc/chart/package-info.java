/**
 * Measurements, control charts and capability: values recorded into subgroups (numbers assigned, a subgroup complete
 * at the product's size, never overfilled: the product's row is locked and a unique key backs it), each complete
 * subgroup judged once against the limit set in force with the product's run rules (reading only the last few
 * points: O(window), not O(history)); versioned limit sets frozen from a baseline (Phase I, by default the first 25
 * complete subgroups, automatically); the chart a front-end draws; capability analyses. The statistics themselves
 * are {@link com.pulse.spc.statistics}'s.
 */
package com.pulse.spc.chart;
