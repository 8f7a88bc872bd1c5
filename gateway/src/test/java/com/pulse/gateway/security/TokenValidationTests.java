package com.pulse.gateway.security;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.gateway.TestJwts;
import com.pulse.gateway.auth.SigningKey;
import com.pulse.problems.ProblemTexts;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Requests to a routed API are refused at the door, before any downstream sees them, unless the token is valid. */
class TokenValidationTests extends GatewayTestBase {

  private static final String API = "/api/ocs/orders";

  @Autowired
  SigningKey signingKey;

  @Test
  void withoutATokenTheAnswerIs401ProblemDetails() {
    http().get().uri(API).exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
        .expectBody()
        .jsonPath("$.status").isEqualTo(401)
        .jsonPath("$.title").isEqualTo("Unauthorized")
        .jsonPath("$.detail").isEqualTo(ProblemTexts.TOKEN_REQUIRED_OR_QUERY)
        .jsonPath("$.instance").isEqualTo(API);
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertInvalid(TestJwts.sign(signingKey, TestJwts.claims(TestUser.ADMIN, ISSUER, Duration.ofMinutes(-5))));
  }

  /** pulse.tokens.clock-skew is 5 s, not Spring's default 60 s: 15 s past exp is refused, 2 s past still passes. */
  @Test
  void theClockSkewIsFiveSeconds() {
    assertInvalid(TestJwts.sign(signingKey, TestJwts.claims(TestUser.ADMIN, ISSUER, Duration.ofSeconds(-15))));
    http().get().uri(API)
        .header("Authorization", "Bearer "
            + TestJwts.sign(signingKey, TestJwts.claims(TestUser.ADMIN, ISSUER, Duration.ofSeconds(-2))))
        .exchange()
        .expectStatus().isOk();
  }

  @Test
  void aTamperedTokenIsRefused() {
    String[] parts = tokenFor(TestUser.DR_KIM).split("\\.");
    JWTClaimsSet elevated = TestJwts.claims(TestUser.ADMIN, ISSUER, Duration.ofMinutes(10));
    String forgedPayload = Base64URL.encode(elevated.toString().getBytes(StandardCharsets.UTF_8)).toString();

    assertInvalid(parts[0] + "." + forgedPayload + "." + parts[2]);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    assertInvalid(TestJwts.sign(signingKey, TestJwts.claims(TestUser.ADMIN, "http://elsewhere", Duration.ofMinutes(10))));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    assertInvalid(TestTokens.shared().sign(TestJwts.claims(TestUser.ADMIN, ISSUER, Duration.ofMinutes(10))));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    assertInvalid(new PlainJWT(TestJwts.claims(TestUser.ADMIN, ISSUER, Duration.ofMinutes(10))).serialize());
  }

  @Test
  void outsideWebSocketsATokenInTheQueryIsNotAccepted() {
    http().get().uri(API + "?access_token=" + tokenFor(TestUser.ADMIN)).exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.detail").isEqualTo(ProblemTexts.TOKEN_REQUIRED_OR_QUERY);
  }

  @Test
  void actuatorEndpointsBeyondHealthAndMetricsNeedAToken() {
    http().get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
  }

  private void assertInvalid(String token) {
    http().get().uri(API).header("Authorization", "Bearer " + token).exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .expectHeader().doesNotExist("X-Seen-Uri")
        .expectBody()
        .jsonPath("$.status").isEqualTo(401)
        .jsonPath("$.detail").isEqualTo(ProblemTexts.TOKEN_INVALID);
  }
}
