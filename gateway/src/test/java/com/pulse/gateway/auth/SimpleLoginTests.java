package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The kiosk's simple login: journey-service (a stand-in here) verifies, the gateway issues a PATIENT token. */
class SimpleLoginTests extends GatewayTestBase {

  @Test
  void oneMatchingPatientGetsAPatientTokenWithTheirId() throws Exception {
    JsonNode response = http().post().uri("/auth/simple-login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phoneLast4", "1001", "birthDate", "1980-01-01"))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("Cache-Control", "no-store")
        .expectBody(JsonNode.class).returnResult().getResponseBody();

    var claims = SignedJWT.parse(response.get("access_token").asString()).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("patient.1001");
    assertThat(claims.getStringClaim("patientId")).isEqualTo("1001");
    assertThat(claims.getStringListClaim("roles")).isEqualTo(List.of("PATIENT"));
  }

  @Test
  void severalMatchesAre409AndNoneIs401() {
    http().post().uri("/auth/simple-login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phoneLast4", "2002", "birthDate", "1975-05-05"))
        .exchange().expectStatus().isEqualTo(409)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    http().post().uri("/auth/simple-login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phoneLast4", "7777", "birthDate", "1975-05-05"))
        .exchange().expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void theInternalCheckIsNotReachableThroughTheGateway() {
    http().post().uri("/internal/journey/simple-login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phoneLast4", "1001", "birthDate", "1980-01-01"))
        .exchange().expectStatus().isUnauthorized();
    http().post().uri("/internal/journey/simple-login").contentType(MediaType.APPLICATION_JSON)
        .header("Authorization", "Bearer " + tokenFor(TestUser.ADMIN))
        .bodyValue(Map.of("phoneLast4", "1001", "birthDate", "1980-01-01"))
        .exchange().expectStatus().isNotFound();
  }

  @Test
  void badDigitsAre400NamingTheField() {
    JsonNode problem = http().post().uri("/auth/simple-login").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phoneLast4", "12a4", "birthDate", "1975-05-05"))
        .exchange().expectStatus().isBadRequest()
        .expectBody(JsonNode.class).returnResult().getResponseBody();

    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("phoneLast4");
  }

  @Test
  void repeatedMissesAreSlowedDownLikePasswords() {
    Map<String, String> guess = Map.of("phoneLast4", "4242", "birthDate", "1960-02-02");
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertThat(simpleLogin(guess)).isEqualTo(401);
    }

    long started = System.nanoTime();
    int status = simpleLogin(guess);
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    // the next guess of the same pair waits before it is checked, and is still answered, not refused
    assertThat(status).isEqualTo(401);
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  private int simpleLogin(Map<String, String> body) {
    return http().post().uri("/auth/simple-login").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange().returnResult(String.class).getStatus().value();
  }
}
