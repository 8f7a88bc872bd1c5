package com.pulse.journey.state;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * How long a patient in an exam's line is expected to wait, in whole minutes, as issue 13 asks: from the position, the
 * rooms open and the recent service times of that exam.
 *
 * <pre>
 * typical = median of the positive ones among the last 20 service times; the exam's default while fewer than 3
 * wait    = ceil(patientsAhead × typical / roomsOpen), in minutes
 * </pre>
 *
 * The median, not the mean: one examination that ran long (or was never closed) must not move every estimate on the
 * board. Rooms serve the line in parallel, so the line moves {@code roomsOpen} times as fast; the patients being
 * examined now are not counted (their rooms free up before the typical time, on average half of it). Rounding up
 * promises no one an earlier call than the numbers give. With no room open there is no estimate.
 */
public final class EstimatedWait {

  /** How many recent service times count: about a morning's worth for a busy exam, a day's for a slow one. */
  static final int WINDOW = 20;

  /** Fewer recent times than this, and the exam's default is the better guess. */
  static final int MIN_SAMPLES = 3;

  /** The service time to use for an exam that has no configured default. */
  public static final Duration FALLBACK_SERVICE_TIME = Duration.ofMinutes(10);

  private EstimatedWait() {}

  /**
   * @param patientsAhead how many are before the patient in the line ({@link CallOrder#line}'s index), 0 for next
   * @param roomsOpen rooms of the exam that are serving now
   * @param recentServiceTimes start to completion of the exam's recent examinations, oldest first
   * @param examDefault the exam's configured service time, or {@link #FALLBACK_SERVICE_TIME}
   * @return whole minutes; empty when no room is open
   */
  public static OptionalInt minutes(int patientsAhead, int roomsOpen, List<Duration> recentServiceTimes,
      Duration examDefault) {
    if (patientsAhead < 0) {
      throw new IllegalArgumentException("patientsAhead must not be negative: " + patientsAhead);
    }
    if (roomsOpen <= 0) {
      return OptionalInt.empty();
    }
    long typicalMillis = typicalServiceTime(recentServiceTimes, examDefault).toMillis();
    return OptionalInt.of(Math.toIntExact(Math.ceilDiv(patientsAhead * typicalMillis, roomsOpen * 60_000L)));
  }

  /**
   * The median of the positive ones among the last {@link #WINDOW} times; {@code examDefault} while there are fewer
   * than {@link #MIN_SAMPLES} of them. A time of zero or less is a recording error (a clock, a missing start), not a
   * fast exam.
   */
  public static Duration typicalServiceTime(List<Duration> recentServiceTimes, Duration examDefault) {
    if (examDefault == null || examDefault.isNegative() || examDefault.isZero()) {
      throw new IllegalArgumentException("the exam's default service time must be positive: " + examDefault);
    }
    List<Duration> recent = recentServiceTimes.subList(Math.max(0, recentServiceTimes.size() - WINDOW),
        recentServiceTimes.size()).stream().filter(Duration::isPositive).sorted().toList();
    if (recent.size() < MIN_SAMPLES) {
      return examDefault;
    }
    int middle = recent.size() / 2;
    return recent.size() % 2 == 1 ? recent.get(middle) : recent.get(middle - 1).plus(recent.get(middle)).dividedBy(2);
  }
}
