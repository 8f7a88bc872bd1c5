package com.pulse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;

/** What answers without a token: probes, the Prometheus scrape and the JWKS. */
class PublicEndpointsTests extends GatewayTestBase {

  @Test
  void healthAndProbesAreOpen() {
    http().get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
    http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
  }

  @Test
  void prometheusMetricsAreOpen() {
    String metrics = http().get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"gateway\"");
  }

  @Test
  void theJwksIsOpenAndCacheable() {
    http().get().uri("/.well-known/jwks.json").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Cache-Control", "max-age=300, public");
  }
}
