package com.pulse.notification.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.socket.RateLimit.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 20 frames a second, 50 at once: what a client is told, and when it counts as a flood, on a clock of our own. */
class RateLimitTests {

  private long now;
  private final RateLimit limit = new RateLimit(20, 50, () -> now);

  @Test
  void theBurstPassesThenTheClientIsToldOnceAndAFloodIsClosed() {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      verdicts.add(limit.take());
    }

    assertThat(verdicts.subList(0, 50)).containsOnly(Verdict.ALLOWED);
    assertThat(verdicts.get(50)).isEqualTo(Verdict.REFUSED);
    assertThat(verdicts.subList(51, 100)).containsOnly(Verdict.IGNORED);
    assertThat(verdicts.get(100)).isEqualTo(Verdict.FLOOD);
  }

  @Test
  void aFloodSpacedOutBetweenRefillsIsStillAFlood() {
    // 200 frames a second, ten times the rate: a refill now and then must not reset the count of refusals
    int floodAt = -1;
    for (int i = 0; i < 2_000 && floodAt < 0; i++) {
      now += 5_000_000;
      if (limit.take() == Verdict.FLOOD) {
        floodAt = i;
      }
    }

    assertThat(floodAt).as("closed within a few seconds").isBetween(50, 600);
  }

  @Test
  void aClientAtTheRateIsNeverRefused() {
    for (int i = 0; i < 5_000; i++) {
      now += 50_000_000;
      assertThat(limit.take()).isEqualTo(Verdict.ALLOWED);
    }
  }

  @Test
  void aClientSomewhatOverTheRateIsToldButNeverClosed() {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 25 * 60; i++) {
      now += 40_000_000; // 25 a second for a minute
      verdicts.add(limit.take());
    }

    assertThat(verdicts).contains(Verdict.REFUSED).doesNotContain(Verdict.FLOOD);
  }
}
