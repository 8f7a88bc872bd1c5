package com.pulse.gateway.web;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import org.junit.jupiter.api.Test;

/** CORS for the allowlisted front-end only, and security headers on every answer. */
class BrowserPolicyTests extends GatewayTestBase {

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    http().options().uri("/api/ocs/orders")
        .header("Origin", ALLOWED_ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
        .expectHeader().value("Access-Control-Allow-Methods", methods -> org.assertj.core.api.Assertions
            .assertThat(methods).contains("POST"));
  }

  @Test
  void aPreflightFromAnotherOriginIsRefused() {
    http().options().uri("/api/ocs/orders")
        .header("Origin", "https://evil.test")
        .header("Access-Control-Request-Method", "POST")
        .exchange()
        .expectStatus().isForbidden()
        .expectHeader().doesNotExist("Access-Control-Allow-Origin");
  }

  @Test
  void proxiedAnswersCarrySecurityHeadersAndExposeTheRequestId() {
    http().get().uri("/api/ocs/orders")
        .header("Authorization", "Bearer " + tokenFor(TestUser.PATIENT_1001))
        .header("Origin", ALLOWED_ORIGIN)
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
        .expectHeader().value("Access-Control-Expose-Headers", exposed -> org.assertj.core.api.Assertions
            .assertThat(exposed).contains("X-Request-Id"))
        .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader().valueEquals("X-Frame-Options", "DENY")
        .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
  }
}
