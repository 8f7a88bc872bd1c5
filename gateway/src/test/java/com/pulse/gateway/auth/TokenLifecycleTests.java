package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Sign-in, refresh with rotation, sign-out with revocation, and the brake on password guessing. */
class TokenLifecycleTests extends GatewayTestBase {

  @Test
  void signInGivesAnAccessAndARefreshToken() {
    JsonNode tokens = signIn(TestUser.LIS_CHOI);

    assertThat(tokens.get("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(tokens.get("refresh_expires_in").asLong()).isEqualTo(Duration.ofHours(8).toSeconds());
  }

  @Test
  void aRefreshTokenGivesNewTokensOnceOnly() throws Exception {
    JsonNode first = signIn(TestUser.LIS_CHOI);
    String refreshToken = first.get("refresh_token").asString();

    JsonNode second = refresh(refreshToken);

    assertThat(second.get("refresh_token").asString()).isNotEqualTo(refreshToken);
    SignedJWT access = SignedJWT.parse(second.get("access_token").asString());
    assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo(TestUser.LIS_CHOI.id());
    assertThat(access.getJWTClaimsSet().getStringClaim("jobRole")).isEqualTo("LIS");
    assertProxied(second.get("access_token").asString());
    refreshRefused(refreshToken); // rotated: the old one is spent
  }

  @Test
  void anUnknownRefreshTokenIs401AndAMissingOne400() {
    refreshRefused("not-a-refresh-token");
    http().post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.detail").isEqualTo("Missing required field(s): refresh_token");
  }

  @Test
  void logoutRevokesTheAccessTokenAndTheRefreshToken() {
    JsonNode tokens = signIn(TestUser.LIS_CHOI);
    String access = tokens.get("access_token").asString();
    assertProxied(access); // validated once, so now remembered by the token cache

    http().post().uri("/auth/logout").header("Authorization", "Bearer " + access)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", tokens.get("refresh_token").asString()))
        .exchange()
        .expectStatus().isNoContent();

    http().get().uri("/api/ocs/orders").header("Authorization", "Bearer " + access)
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    refreshRefused(tokens.get("refresh_token").asString());
    assertProxied(signIn(TestUser.LIS_CHOI).get("access_token").asString()); // only that token is gone
  }

  @Test
  void logoutNeedsAnAccessToken() {
    http().post().uri("/auth/logout").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void repeatedFailedSignInsAreSlowedDownWithoutSayingWhy() {
    for (int i = 0; i < LoginThrottle.FREE_USER_FAILURES; i++) {
      http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("username", "guessed.user", "password", "guess-" + i))
          .exchange()
          .expectStatus().isUnauthorized();
    }

    http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", "guessed.user", "password", "guess-again"))
        .exchange()
        .expectStatus().isEqualTo(429)
        .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isPositive())
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").isEqualTo("Too many failed sign-ins; retry after the time in Retry-After.");
  }

  private JsonNode signIn(TestUser user) {
    return http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", user.id(), "password", PASSWORD))
        .exchange()
        .expectStatus().isOk()
        .expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  private JsonNode refresh(String refreshToken) {
    return http().post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", refreshToken))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Cache-Control", "no-store")
        .expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  private void refreshRefused(String refreshToken) {
    http().post().uri("/auth/refresh").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("refresh_token", refreshToken))
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private void assertProxied(String accessToken) {
    http().get().uri("/api/ocs/orders").header("Authorization", "Bearer " + accessToken)
        .exchange()
        .expectStatus().isOk();
  }
}
