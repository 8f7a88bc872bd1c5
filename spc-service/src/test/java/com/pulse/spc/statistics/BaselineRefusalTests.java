package com.pulse.spc.statistics;

import static com.pulse.spc.statistics.PublishedData.PISTON_RINGS;
import static com.pulse.spc.statistics.PublishedData.subgroups;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Baselines that cannot give limits are refused with a message a person can act on. */
class BaselineRefusalTests {

  private final List<Subgroup> rings = subgroups(PISTON_RINGS, 25);

  @Test
  void fewerThanTwoSubgroups() {
    assertThatThrownBy(() -> PhaseOneLimits.compute(5, rings.subList(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a baseline needs at least 2 subgroups, got 1");
    assertThatThrownBy(() -> PhaseOneLimits.compute(5, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no subgroups");
    assertThatThrownBy(() -> PhaseOneLimits.compute(5, rings.subList(0, 3), Set.of(1L, 2L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a baseline needs at least 2 subgroups, got 1 after excluding 2");
    assertThatCode(() -> PhaseOneLimits.compute(5, rings.subList(0, 2))).doesNotThrowAnyException();
  }

  @Test
  void incompleteSubgroupsOrSubgroupsOfAnotherSize() {
    List<Subgroup> baseline = new ArrayList<>(rings);
    baseline.set(6, Subgroup.of(7, Arrays.copyOf(PISTON_RINGS[6], 4)));
    assertThatThrownBy(() -> PhaseOneLimits.compute(5, baseline))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subgroup 7 has 4 values but this product's subgroups have 5; only complete subgroups can form "
            + "a baseline");
    assertThatCode(() -> PhaseOneLimits.compute(5, baseline, Set.of(7L))).as("unless it is excluded")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> PhaseOneLimits.compute(1, rings))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subgroup 1 has 5 values");
  }

  @Test
  void valuesThatAreNotFiniteNumbers() {
    assertThatThrownBy(() -> Subgroup.of(3, 74.0, Double.NaN, 74.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subgroup 3, value 2 is NaN; every value must be a finite number");
    assertThatThrownBy(() -> Subgroup.of(4, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> new Subgroup(5, Arrays.asList(1.0, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value 2 is null");
    assertThatThrownBy(() -> new Subgroup(6, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameSubgroupTwiceOrExcludingOneThatIsNotThere() {
    List<Subgroup> twice = new ArrayList<>(rings);
    twice.add(rings.get(4));
    assertThatThrownBy(() -> PhaseOneLimits.compute(5, twice))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("subgroup 5 appears twice in the baseline");
    assertThatThrownBy(() -> PhaseOneLimits.compute(5, rings, Set.of(99L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot exclude subgroup 99: it is not in the baseline");
  }

  @Test
  void noVariationGivesNoLimits() {
    List<Subgroup> flat = List.of(Subgroup.of(1, 2.0, 2.0), Subgroup.of(2, 3.0, 3.0));
    assertThatThrownBy(() -> PhaseOneLimits.compute(2, flat))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no variation");
    List<Subgroup> constant = List.of(Subgroup.of(1, 5.0), Subgroup.of(2, 5.0), Subgroup.of(3, 5.0));
    assertThatThrownBy(() -> PhaseOneLimits.compute(1, constant))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every moving range is zero");
  }

  @Test
  void individualsNeedTwoNeighboursInTheBaseline() {
    List<Subgroup> values = List.of(Subgroup.of(1, 5.0), Subgroup.of(2, 6.0), Subgroup.of(3, 7.0));
    assertThatThrownBy(() -> PhaseOneLimits.compute(1, values, Set.of(2L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no two values of the baseline are next");
  }

  @Test
  void subgroupSizesOutsideOneToTwentyFive() {
    assertThatThrownBy(() -> PhaseOneLimits.compute(0, rings))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("subgroup size must be from 1 to 25, got 0");
    assertThatThrownBy(() -> PhaseOneLimits.compute(26, rings))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("subgroup size must be from 1 to 25, got 26");
  }
}
