package com.pulse.ocs.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.pulse.identity.revocation.RevocationPublisher;
import com.pulse.identity.revocation.Revocations;
import com.pulse.problems.ProblemTexts;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's token rules, inherited by ocs-service without a line of its own: a sign-in revoked at the gateway
 * (published to {@code pulse.revocations}) is refused here within the bound the README states; the clock skew is 5 s.
 */
@PulseIntegrationTest
class RevocationTests {

  static final Duration REVOCATION_BOUND = Duration.ofSeconds(3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Value("${spring.kafka.bootstrap-servers}") String kafka;

  @Test
  void aRevokedSignInIsRefusedWithinTheBound() throws Exception {
    String session = UUID.randomUUID().toString();
    String token = token(TestUser.DR_KIM, session, Duration.ofMinutes(10));
    String otherSignIn = token(TestUser.DR_KIM, UUID.randomUUID().toString(), Duration.ofMinutes(10));
    assertThat(get(token).statusCode()).isEqualTo(200);

    try (RevocationPublisher gateway = new RevocationPublisher(kafka, new Revocations())) {
      long published = System.nanoTime();
      gateway.revoke(session, Instant.now().plus(Duration.ofMinutes(11))).get(10, TimeUnit.SECONDS);

      await().atMost(REVOCATION_BOUND).pollInterval(Duration.ofMillis(10)).until(() -> get(token).statusCode() == 401);
      System.out.printf("Revocation latency (Kafka acknowledged -> ocs-service 401): %d ms%n",
          Duration.ofNanos(System.nanoTime() - published).toMillis());
    }
    HttpResponse<String> refused = get(token);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains(ProblemTexts.TOKEN_INVALID);
    assertThat(get(otherSignIn).statusCode()).isEqualTo(200);
  }

  @Test
  void theClockSkewIsFiveSeconds() throws Exception {
    assertThat(get(token(TestUser.DR_KIM, "s", Duration.ofSeconds(-15))).statusCode()).isEqualTo(401);
    assertThat(get(token(TestUser.DR_KIM, "s", Duration.ofSeconds(-1))).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ocs/orders"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As the gateway issues them: with the sign-in's {@code sid}, issued 10 minutes before expiry. */
  private static String token(TestUser user, String session, Duration lifetime) {
    Instant expiry = Instant.now().plus(lifetime);
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
        .jwtID(UUID.randomUUID().toString()).claim("sid", session)
        .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiry));
    user.claims().forEach(claims::claim);
    return TestTokens.shared().sign(claims.build());
  }
}
