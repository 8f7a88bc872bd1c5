package com.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CloudEvents sequence extension compares values as strings: zero padding must make that numeric order. */
class SequenceOrderTests {

  private static final long[] EDGES = {1, 2, 9, 10, 99, 100, 999_999_999, 1_000_000_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE};

  static Stream<Arguments> pairs() {
    Random random = new Random(20261122);
    Stream<Arguments> edges =
        LongStream.of(EDGES).boxed().flatMap(a -> LongStream.of(EDGES).mapToObj(b -> Arguments.of(a, b)));
    Stream<Arguments> randoms =
        Stream.generate(() -> Arguments.of(positive(random), positive(random))).limit(2_000);
    return Stream.concat(edges, randoms);
  }

  private static long positive(Random random) {
    long bound = 1L << random.nextInt(1, 63);
    return 1 + Math.floorMod(random.nextLong(), bound);
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void lexicographicOrderIsNumericOrderAndWidthIsFixed(long a, long b) {
    String left = PulseEvents.formatSequence(a);
    String right = PulseEvents.formatSequence(b);

    assertThat(Integer.signum(left.compareTo(right))).isEqualTo(Long.signum(Long.compare(a, b)));
    assertThat(left).hasSize(PulseEvents.SEQUENCE_DIGITS);
  }
}
