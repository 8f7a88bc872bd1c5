package com.pulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code /api/ocs/**} reaches ocs-service (a real HTTP server here) with path, query, body and token unchanged. */
class OcsRouteTests extends GatewayTestBase {

  @Test
  void aValidTokenIsProxiedWithPathQueryAndAuthorization() {
    String bearer = "Bearer " + tokenFor(TestUser.DR_KIM);

    http().get().uri("/api/ocs/orders/42?status=REQUESTED&jobRole=RIS").header("Authorization", bearer)
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Seen-Method", "GET")
        .expectHeader().valueEquals("X-Seen-Uri", "/api/ocs/orders/42?status=REQUESTED&jobRole=RIS")
        .expectHeader().valueEquals("X-Seen-Authorization", bearer);
  }

  @Test
  void aPostBodyIsProxiedUnchanged() {
    String bearer = "Bearer " + tokenFor(TestUser.DR_LEE);
    String order = "{\"patientId\":\"1001\",\"jobRole\":\"LIS\",\"orderCode\":\"CBC\"}";

    http().post().uri("/api/ocs/orders").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
        .bodyValue(order)
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Seen-Method", "POST")
        .expectHeader().valueEquals("X-Seen-Uri", "/api/ocs/orders")
        .expectHeader().valueEquals("X-Seen-Authorization", bearer)
        .expectBody(String.class).isEqualTo(order);
  }

  /** The per-route request metric SRE dashboards read (the gateway's own per-call observation is off). */
  @Test
  void proxiedRequestsAreCountedPerRoute() {
    http().get().uri("/api/ocs/orders/7").header("Authorization", "Bearer " + tokenFor(TestUser.DR_KIM))
        .exchange().expectStatus().isOk();

    String metrics = http().get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"ocs\"");
  }
}
