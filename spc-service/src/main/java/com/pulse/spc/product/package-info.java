/**
 * Products and what every other feature needs of them: the specification (LSL, USL, target; changed with
 * {@code If-Match}), subgroup size, run rules, capability threshold; who may do what ({@link
 * com.pulse.spc.product.SpcAccess}); the problems the API answers ({@link com.pulse.spc.product.SpcProblems}); and
 * the product's event log ({@link com.pulse.spc.product.ProductEvents}): every SPC event is keyed by its product and
 * numbered by the product's own sequence, appended through the outbox with the product's row locked.
 */
package com.pulse.spc.product;
