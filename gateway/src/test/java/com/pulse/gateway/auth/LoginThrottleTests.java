package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Guessing is slowed down per username and address, and per address; nobody else is slowed down by it. */
class LoginThrottleTests {

  private final LoginThrottle throttle = new LoginThrottle();

  @Test
  void theFirstFailuresAreFreeThenTheDelayDoublesUpToItsBound() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(throttle.delay("dr.kim", "10.0.0.9")).isZero();
      throttle.failed("dr.kim", "10.0.0.9");
    }
    assertThat(throttle.delay("dr.kim", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
    throttle.failed("dr.kim", "10.0.0.9");
    assertThat(throttle.delay("dr.kim", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 10; i++) {
      throttle.failed("dr.kim", "10.0.0.9");
    }
    assertThat(throttle.delay("dr.kim", "10.0.0.9")).isEqualTo(LoginThrottle.MAX_DELAY);
  }

  @Test
  void someoneTypingAUsersNameElsewhereDoesNotSlowThatUserDown() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("dr.kim", "203.0.113.7");
    }

    assertThat(throttle.delay("dr.kim", "10.0.0.1")).isZero();
    assertThat(throttle.delay("dr.kim", "203.0.113.7")).isPositive();
  }

  @Test
  void oneAddressTryingManyNamesIsSlowedDownForEveryName() {
    for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
      throttle.failed("user-" + i, "198.51.100.2");
    }

    assertThat(throttle.delay("anybody", "198.51.100.2")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.delay("anybody", "198.51.100.3")).isZero();
  }

  @Test
  void aSuccessfulSignInForgetsThatUsersFailuresFromThere() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES + 2; i++) {
      throttle.failed("dr.kim", "10.0.0.9");
    }

    throttle.succeeded("dr.kim", "10.0.0.9");

    assertThat(throttle.delay("dr.kim", "10.0.0.9")).isZero();
  }
}
