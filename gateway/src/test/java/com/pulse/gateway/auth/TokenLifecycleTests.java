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
  void repeatedFailedSignInsAreSlowedDownButTheRightPasswordStillSignsIn() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      signInRefused(TestUser.QA_JUNG, "guess-" + i);
    }

    long started = System.nanoTime();
    signInRefused(TestUser.QA_JUNG, "guess-again"); // waits 1 s before the password is checked, then says no
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));

    started = System.nanoTime();
    JsonNode tokens = signIn(TestUser.QA_JUNG); // 2 s this time; no lock-out for the right password
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    assertProxied(tokens.get("access_token").asString());
  }

  @Test
  void logoutRevokesEveryTokenOfTheSignIn() {
    JsonNode first = signIn(TestUser.RIS_PARK);
    JsonNode refreshed = refresh(first.get("refresh_token").asString());
    String latest = refreshed.get("access_token").asString();
    assertProxied(latest);

    http().post().uri("/auth/logout").header("Authorization", "Bearer " + first.get("access_token").asString())
        .exchange()
        .expectStatus().isNoContent();

    proxyRefused(latest); // issued by a refresh of the same sign-in
    refreshRefused(refreshed.get("refresh_token").asString());
  }

  /** OAuth 2.0 Security BCP, refresh token rotation: a spent refresh token presented again ends the sign-in. */
  @Test
  void aReusedRefreshTokenRevokesTheWholeSignIn() {
    JsonNode first = signIn(TestUser.RIS_PARK);
    String r1 = first.get("refresh_token").asString();
    JsonNode second = refresh(r1);
    String r2 = second.get("refresh_token").asString();
    assertProxied(second.get("access_token").asString());

    refreshRefused(r1); // the replay

    refreshRefused(r2);
    proxyRefused(second.get("access_token").asString());
    proxyRefused(first.get("access_token").asString());
    assertProxied(signIn(TestUser.RIS_PARK).get("access_token").asString()); // another sign-in is untouched
  }

  private void signInRefused(TestUser user, String password) {
    http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", user.id(), "password", password))
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private void proxyRefused(String accessToken) {
    http().get().uri("/api/ocs/orders").header("Authorization", "Bearer " + accessToken)
        .exchange()
        .expectStatus().isUnauthorized()
        .expectBody().jsonPath("$.detail").isEqualTo("The access token is invalid or expired.");
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
