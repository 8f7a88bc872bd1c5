package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class TokenEndpointTests extends GatewayTestBase {

  @Autowired
  UserDirectory directory;

  static Stream<TestUser> demoUsers() {
    return Stream.concat(TestUser.DEMO_USERS.stream(), TestUser.DEMO_EMPLOYEES.stream());
  }

  @Test
  void theLocalProfileHasExactlyTheDemoUsers() {
    assertThat(directory.usernames())
        .containsExactlyInAnyOrderElementsOf(demoUsers().map(TestUser::id).toList());
  }

  @ParameterizedTest
  @MethodSource("demoUsers")
  void issuesASignedTokenWithTheUsersClaims(TestUser user) throws Exception {
    JsonNode response = http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", user.id(), "password", PASSWORD))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectHeader().valueEquals("Cache-Control", "no-store")
        .expectBody(JsonNode.class).returnResult().getResponseBody();

    assertThat(response.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(response.get("expires_in").asLong()).isEqualTo(Duration.ofMinutes(30).toSeconds());
    SignedJWT jwt = SignedJWT.parse(response.get("access_token").asString());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    RSAKey published = servedJwks().getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(published.isPrivate()).isFalse();
    assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();

    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo(user.id());
    assertThat(claims.getStringClaim("name")).isEqualTo(user.name());
    assertThat(claims.getStringListClaim("roles")).isEqualTo(user.roles());
    assertThat(claims.getClaim("roles")).isInstanceOf(java.util.List.class);
    assertThat(claims.getStringClaim("jobRole")).isEqualTo(user.jobRole());
    assertThat(claims.getStringClaim("patientId")).isEqualTo(user.patientId());
    assertThat(claims.getStringClaim("empNo")).isEqualTo(user.empNo());
    assertThat(claims.getStringClaim("department")).isEqualTo(user.department());
    // the services read the token into the same caller the test user describes
    assertThat(com.pulse.identity.CallerReader.standard().read(claims.getClaims())).isEqualTo(user.caller());
    assertThat(claims.getClaims()).containsOnlyKeys(expectedClaimNames(user));
    assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
    Instant issuedAt = claims.getIssueTime().toInstant();
    assertThat(issuedAt).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertThat(Duration.between(issuedAt, claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void everyTokenHasItsOwnId() throws Exception {
    String first = tokenFor(TestUser.DR_KIM);
    String second = tokenFor(TestUser.DR_KIM);
    assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
        .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameProblem() {
    String wrongPassword = rejectedSignIn("admin", "not-the-password");
    String unknownUser = rejectedSignIn("nobody", PASSWORD);

    assertThat(wrongPassword).isEqualTo(unknownUser);
    assertThat(wrongPassword).contains("\"status\":401").contains("The username or password is incorrect.");
  }

  @Test
  void malformedJsonIsABadRequest() {
    http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"username\": \"admin\", \"password\": ")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(400)
        // the wording every Pulse service uses for it (com.pulse.problems.JsonInputProblems)
        .jsonPath("$.detail").isEqualTo("Malformed JSON at line 1, column 35")
        .jsonPath("$.instance").isEqualTo("/auth/token");
  }

  @Test
  void missingFieldsAreNamed() {
    http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", "admin"))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail").isEqualTo("Missing required field(s): password");
  }

  @Test
  void theJwksHoldsOnlyThePublicSigningKey() {
    JWKSet jwks = servedJwks();
    assertThat(jwks.getKeys()).singleElement().satisfies(key -> {
      assertThat(key.isPrivate()).isFalse();
      assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
      assertThat(key.toRSAKey().size()).isEqualTo(2048);
    });
  }

  private String rejectedSignIn(String username, String password) {
    return http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", username, "password", password))
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class).returnResult().getResponseBody();
  }

  private JWKSet servedJwks() {
    String body = http().get().uri("/.well-known/jwks.json").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody(String.class).returnResult().getResponseBody();
    try {
      return JWKSet.parse(body);
    } catch (java.text.ParseException e) {
      throw new AssertionError("not a JWK set: " + body, e);
    }
  }

  private static String[] expectedClaimNames(TestUser user) {
    return Stream.of(
            Stream.of("iss", "sub", "name", "roles", "jti", "sid", "iat", "exp"),
            user.jobRole() == null ? Stream.<String>empty() : Stream.of("jobRole"),
            user.patientId() == null ? Stream.<String>empty() : Stream.of("patientId"),
            user.empNo() == null ? Stream.<String>empty() : Stream.of("empNo"),
            user.department() == null ? Stream.<String>empty() : Stream.of("department"))
        .flatMap(names -> names)
        .toArray(String[]::new);
  }
}
