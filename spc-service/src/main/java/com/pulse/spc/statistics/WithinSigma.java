package com.pulse.spc.statistics;

import java.util.List;

/**
 * Minitab's default estimate of σ within subgroups for capability, with the degrees of freedom its confidence
 * bounds use: for subgroups of more than one value the pooled standard deviation Sp = √(ΣΣ(x − x̄ᵢ)² / Σ(nᵢ − 1))
 * divided by c4(d + 1), d = Σ(nᵢ − 1), with ν = d; for individuals the average moving range of two divided by
 * d2(2) = 1.128, with ν = (number of moving ranges) = N − 1.
 *
 * @param sigma the estimate, or {@code null} when the data have no within-subgroup degrees of freedom
 */
record WithinSigma(Double sigma, double degreesOfFreedom) {

  static WithinSigma estimate(List<Subgroup> subgroups) {
    boolean individuals = subgroups.stream().allMatch(subgroup -> subgroup.size() == 1);
    return individuals ? movingRange(subgroups) : pooled(subgroups);
  }

  private static WithinSigma pooled(List<Subgroup> subgroups) {
    double sumOfSquares = 0;
    int d = 0;
    for (Subgroup subgroup : subgroups) {
      sumOfSquares += subgroup.sumOfSquares();
      d += subgroup.size() - 1;
    }
    double pooled = Math.sqrt(sumOfSquares / d);
    return new WithinSigma(positive(pooled / ChartConstants.c4(d + 1)), d);
  }

  private static WithinSigma movingRange(List<Subgroup> values) {
    double sum = 0;
    for (int i = 1; i < values.size(); i++) {
      sum += Math.abs(values.get(i).values().get(0) - values.get(i - 1).values().get(0));
    }
    int ranges = values.size() - 1;
    return new WithinSigma(positive(sum / ranges / ChartConstants.d2(2)), ranges);
  }

  private static Double positive(double sigma) {
    return sigma > 0 && Double.isFinite(sigma) ? sigma : null;
  }
}
