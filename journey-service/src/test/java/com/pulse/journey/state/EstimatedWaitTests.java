package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The formula's examples: ceil(patients ahead × median recent service time / rooms open), in minutes. */
class EstimatedWaitTests {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void withoutHistoryTheExamsDefaultIsTheServiceTime() {
    assertThat(EstimatedWait.minutes(3, 1, List.of(), FIVE_MINUTES)).hasValue(15);
    assertThat(EstimatedWait.minutes(3, 1, List.of(), EstimatedWait.FALLBACK_SERVICE_TIME)).hasValue(30);
  }

  @Test
  void theNextPatientWaitsNothing() {
    assertThat(EstimatedWait.minutes(0, 1, minutes(40, 40, 40), FIVE_MINUTES)).hasValue(0);
  }

  @Test
  void fewerThanThreeRecentTimesAreNotHistoryYet() {
    assertThat(EstimatedWait.minutes(2, 1, minutes(1, 1), FIVE_MINUTES)).hasValue(10);
    assertThat(EstimatedWait.minutes(2, 1, minutes(1, 1, 1), FIVE_MINUTES)).hasValue(2);
  }

  @Test
  void theMedianIgnoresTheOneExamThatRanLong() {
    List<Duration> recent = minutes(4, 6, 5, 30, 5);

    assertThat(EstimatedWait.typicalServiceTime(recent, FIVE_MINUTES)).isEqualTo(Duration.ofMinutes(5));
    assertThat(EstimatedWait.minutes(4, 2, recent, Duration.ofMinutes(9))).as("4 × 5 / 2").hasValue(10);
  }

  @Test
  void anEvenCountTakesTheMiddleTwosMean() {
    assertThat(EstimatedWait.typicalServiceTime(minutes(9, 3, 7, 5), FIVE_MINUTES)).isEqualTo(Duration.ofMinutes(6));
    assertThat(EstimatedWait.minutes(1, 1, minutes(9, 3, 7, 5), FIVE_MINUTES)).hasValue(6);
  }

  @Test
  void roomsServeTheLineInParallelAndTheResultIsRoundedUp() {
    List<Duration> recent = minutes(4, 5, 4, 5);

    assertThat(EstimatedWait.minutes(3, 1, recent, FIVE_MINUTES)).as("3 × 4.5 = 13.5").hasValue(14);
    assertThat(EstimatedWait.minutes(3, 2, recent, FIVE_MINUTES)).as("3 × 4.5 / 2 = 6.75").hasValue(7);
    assertThat(EstimatedWait.minutes(3, 3, recent, FIVE_MINUTES)).as("3 × 4.5 / 3 = 4.5").hasValue(5);
    assertThat(EstimatedWait.minutes(1, 1, List.of(Duration.ofSeconds(90), Duration.ofSeconds(80),
        Duration.ofSeconds(95)), FIVE_MINUTES)).as("1.5 minutes").hasValue(2);
  }

  @Test
  void onlyTheLastTwentyTimesCount() {
    List<Duration> recent = new ArrayList<>(Collections.nCopies(25, Duration.ofMinutes(30)));
    recent.addAll(Collections.nCopies(20, Duration.ofMinutes(2)));

    assertThat(EstimatedWait.typicalServiceTime(recent, FIVE_MINUTES)).isEqualTo(Duration.ofMinutes(2));
    recent.add(Duration.ofMinutes(30));
    assertThat(EstimatedWait.typicalServiceTime(recent, FIVE_MINUTES)).as("19 × 2, 1 × 30").isEqualTo(
        Duration.ofMinutes(2));
  }

  @Test
  void timesOfZeroOrLessAreRecordingErrorsAndDoNotCount() {
    assertThat(EstimatedWait.typicalServiceTime(List.of(Duration.ZERO, Duration.ofMinutes(-1), Duration.ofMinutes(7),
        Duration.ofMinutes(7), Duration.ofMinutes(7)), FIVE_MINUTES)).isEqualTo(Duration.ofMinutes(7));
    assertThat(EstimatedWait.typicalServiceTime(List.of(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(7),
        Duration.ofMinutes(7)), FIVE_MINUTES)).as("two real times: still the default").isEqualTo(FIVE_MINUTES);
  }

  @Test
  void withNoRoomOpenThereIsNoEstimate() {
    assertThat(EstimatedWait.minutes(3, 0, minutes(5, 5, 5), FIVE_MINUTES)).isEmpty();
  }

  @Test
  void aLongLineStaysInRange() {
    List<Duration> recent = IntStream.range(0, 20).mapToObj(i -> Duration.ofMinutes(60)).toList();

    assertThat(EstimatedWait.minutes(10_000, 1, recent, FIVE_MINUTES)).hasValue(600_000);
  }

  @Test
  void nonsenseInputIsABug() {
    assertThatThrownBy(() -> EstimatedWait.minutes(-1, 1, List.of(), FIVE_MINUTES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EstimatedWait.minutes(1, 1, List.of(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EstimatedWait.minutes(1, 1, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Duration> minutes(long... values) {
    return Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
  }
}
