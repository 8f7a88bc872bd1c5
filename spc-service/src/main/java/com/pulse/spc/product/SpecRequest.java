package com.pulse.spc.product;

/** {@code PUT /api/spc/products/{id}/spec}: the whole new specification; at least one limit. */
record SpecRequest(Double lsl, Double usl, Double target) {}
