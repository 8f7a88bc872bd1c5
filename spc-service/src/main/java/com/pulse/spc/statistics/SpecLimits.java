package com.pulse.spc.statistics;

/**
 * A product's specification: at least one limit, LSL below USL, and an optional target inside them.
 *
 * @param lsl lower specification limit, or {@code null} for an upper-only specification
 * @param usl upper specification limit, or {@code null} for a lower-only specification
 * @param target the nominal value, or {@code null}; Cpm needs it
 */
public record SpecLimits(Double lsl, Double usl, Double target) {

  public SpecLimits {
    requireFinite("LSL", lsl);
    requireFinite("USL", usl);
    requireFinite("target", target);
    if (lsl == null && usl == null) {
      throw new IllegalArgumentException("a specification needs at least one of LSL and USL");
    }
    if (lsl != null && usl != null && !(lsl < usl)) {
      throw new IllegalArgumentException("LSL must be below USL, got LSL " + lsl + " and USL " + usl);
    }
    if (target != null && ((lsl != null && target < lsl) || (usl != null && target > usl))) {
      throw new IllegalArgumentException("the target must lie within the specification limits, got " + target);
    }
  }

  /** A two-sided specification without a target. */
  public static SpecLimits of(double lsl, double usl) {
    return new SpecLimits(lsl, usl, null);
  }

  public boolean twoSided() {
    return lsl != null && usl != null;
  }

  /** Whether a single measured value meets the specification (a value on a limit does). */
  public boolean contains(double value) {
    return (lsl == null || value >= lsl) && (usl == null || value <= usl);
  }

  private static void requireFinite(String name, Double value) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }
}
