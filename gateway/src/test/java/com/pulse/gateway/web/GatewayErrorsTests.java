package com.pulse.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.problems.ProblemTexts;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** What the gateway answers itself when routing fails: problem details, quickly. */
class GatewayErrorsTests extends GatewayTestBase {

  @Test
  void anUnknownPathIs404ProblemDetails() {
    http().get().uri("/api/nothing-here").header("Authorization", "Bearer " + tokenFor(TestUser.ADMIN))
        .exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(404)
        .jsonPath("$.detail").isEqualTo("No such endpoint.")
        .jsonPath("$.instance").isEqualTo("/api/nothing-here");
  }

  @Test
  void aServiceThatIsDownIsAFast503ProblemDetails() {
    String bearer = "Bearer " + tokenFor(TestUser.ADMIN);
    Instant start = Instant.now();

    http().get().uri("/api/unavailable/things").header("Authorization", bearer)
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(503)
        .jsonPath("$.detail").isEqualTo(ProblemTexts.ROUTE_UNAVAILABLE);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(2));
  }
}
