package com.pulse.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.gateway.Downstreams;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;

/** {@code /api/flaky/**} goes through the circuit breaker {@code flaky} to a server the test stops and starts. */
class CircuitBreakerTests extends GatewayTestBase {

  @Autowired
  ReactiveResilience4JCircuitBreakerFactory breakers;

  @AfterEach
  void serviceBack() {
    Downstreams.startFlaky();
  }

  @Test
  void aServiceThatIsDownGetsFast503sOpensTheBreakerAndClosesItWhenBack() {
    String bearer = "Bearer " + tokenFor(TestUser.QA_JUNG);
    http().get().uri("/api/flaky/items").header("Authorization", bearer).exchange().expectStatus().isOk();
    CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("flaky");

    Downstreams.stopFlaky();
    for (int i = 0; i < 6; i++) {
      long start = System.nanoTime();
      http().get().uri("/api/flaky/items").header("Authorization", bearer)
          .exchange()
          .expectStatus().isEqualTo(503)
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.detail").isEqualTo("The service behind this route is unavailable; retry shortly.");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    http().get().uri("/actuator/health").header("Authorization", "Bearer " + tokenFor(TestUser.ADMIN)).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.components.circuitBreakers.details.flaky.state").isEqualTo("OPEN");

    Downstreams.startFlaky();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      http().get().uri("/api/flaky/items").header("Authorization", bearer).exchange().expectStatus().isOk();
      assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    });
    String metrics = http().get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(metrics).contains("resilience4j_circuitbreaker_state{").contains("name=\"flaky\"");
  }
}
