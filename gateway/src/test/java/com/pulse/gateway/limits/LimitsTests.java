package com.pulse.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The test context allows a user 25 requests at once, refilled at 10 per second ({@code GatewayTestBase}). */
class LimitsTests extends GatewayTestBase {

  @Test
  void aUserOverTheRateGets429WithRetryAfter() {
    String bearer = "Bearer " + tokenFor(TestUser.OP_HAN);
    EntityExchangeResult<String> limited = null;
    int granted = 0;
    for (int i = 0; i < 200 && limited == null; i++) {
      EntityExchangeResult<String> result = http().get().uri("/api/ocs/orders").header("Authorization", bearer)
          .exchange().expectBody(String.class).returnResult();
      if (result.getStatus().value() == 429) {
        limited = result;
      } else {
        assertThat(result.getStatus().value()).isEqualTo(200);
        granted++;
      }
    }

    assertThat(limited).as("a 429 within 200 requests").isNotNull();
    assertThat(granted).isGreaterThanOrEqualTo(25);
    assertThat(Long.parseLong(limited.getResponseHeaders().getFirst("Retry-After"))).isPositive();
    assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(limited.getResponseBody()).contains("\"status\":429").contains(RateLimitFilter.TOO_MANY_REQUESTS);
  }

  @Test
  void theSigningKeysAreNeverLimited() {
    // more than the anonymous allowance of this context (300 at once, 100 a second) from one address: a restarted
    // notification-service fetches them many times at once while a reconnect storm's handshakes arrive
    for (int i = 0; i < 1_000; i++) {
      http().get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
    }
  }

  @Test
  void aBodyOverTheLimitGets413ProblemDetails() {
    byte[] body = new byte[1024 * 1024 + 1];
    Arrays.fill(body, (byte) 'x');

    http().post().uri("/api/ocs/orders").header("Authorization", "Bearer " + tokenFor(TestUser.EMP_12345))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange()
        .expectStatus().isEqualTo(413)
        .expectHeader().valueEquals("Connection", "close")
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").isEqualTo("The request body is larger than 1048576 bytes.");
  }

  @Test
  void aBodyAtTheLimitPasses() {
    byte[] body = new byte[1024 * 1024];
    Arrays.fill(body, (byte) 'x');

    http().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(2 * body.length)).build()
        .post().uri("/api/ocs/orders").header("Authorization", "Bearer " + tokenFor(TestUser.EMP_12345))
        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange()
        .expectStatus().isOk()
        .expectBody(byte[].class).value(echoed -> assertThat(echoed).hasSize(body.length));
  }
}
