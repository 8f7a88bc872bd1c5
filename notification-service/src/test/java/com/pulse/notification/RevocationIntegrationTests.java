package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.pulse.identity.revocation.RevocationPublisher;
import com.pulse.identity.revocation.Revocations;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A sign-in revoked at the gateway (published to {@code pulse.revocations}) ends here too: its token gets 401 on REST
 * and at the handshake, its open sockets close with 4003 and its SSE streams end, a {@code refresh} with it fails;
 * how long that takes is measured (README, "Security"). Tokens at the edges: 5 s clock skew, a refresh to an expiry
 * already past refused.
 */
@PulseIntegrationTest
class RevocationIntegrationTests {

  /** What the README promises for a revocation to reach a service (typically ~100-300 ms: one fetch wait). */
  static final Duration REVOCATION_BOUND = Duration.ofSeconds(3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Value("${spring.kafka.bootstrap-servers}") String kafka;

  @Test
  void aRevokedSignInIsRefusedAndItsSocketsAndStreamsEndAtOnce() throws Exception {
    TestUser user = user("signed.out");
    String session = UUID.randomUUID().toString();
    String token = tokenInSession(user, session, Duration.ofMinutes(10));
    String otherSession = tokenInSession(user, UUID.randomUUID().toString(), Duration.ofMinutes(10));
    try (RevocationPublisher gateway = new RevocationPublisher(kafka, new Revocations());
        SocketClient socket = SocketClient.connected(port, token);
        SocketClient other = SocketClient.connected(port, otherSession)) {
      CompletableFuture<Long> sse = sseUntilEnd(token, user.id());
      assertThat(unreadCount(token)).isEqualTo(200);

      long published = System.nanoTime();
      gateway.revoke(session, Instant.now().plus(Duration.ofMinutes(11))).get(10, TimeUnit.SECONDS);

      await().atMost(REVOCATION_BOUND).pollInterval(Duration.ofMillis(10)).until(() -> unreadCount(token) == 401);
      assertThat(socket.closeCode()).isEqualTo(4003);
      assertThat(socket.closeReason()).isEqualTo("token revoked");
      sse.get(REVOCATION_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      Duration latency = Duration.ofNanos(System.nanoTime() - published);
      System.out.printf("Revocation latency (Kafka acknowledged -> REST 401, socket 4003, SSE ended): %d ms%n",
          latency.toMillis());
      assertThat(latency).isLessThan(REVOCATION_BOUND);

      assertThat(SocketClient.refusedWith(SocketClient.uri(port, token))).isEqualTo(401);
      other.send("{\"type\":\"refresh\",\"token\":\"" + token + "\",\"ref\":\"r\"}");
      assertThat(other.next().path("code").asString()).isEqualTo("TOKEN_INVALID");
      other.sync(); // another sign-in of the same user is untouched
    }
  }

  @Test
  void theClockSkewIsFiveSecondsOnRestAndHandshakes() {
    TestUser user = user("skew");
    String longExpired = tokenInSession(user, "s", Duration.ofSeconds(-15));

    assertThat(unreadCount(longExpired)).isEqualTo(401);
    assertThat(SocketClient.refusedWith(SocketClient.uri(port, longExpired))).isEqualTo(401);
    assertThat(unreadCount(tokenInSession(user, "s", Duration.ofSeconds(-1)))).isEqualTo(200);
  }

  @Test
  void aRefreshWithATokenPastItsExpiryFailsEvenWithinTheSkew() throws Exception {
    TestUser user = user("late.refresh");
    try (SocketClient socket = SocketClient.connected(port, TestTokens.shared().issue(user))) {
      socket.send("{\"type\":\"refresh\",\"token\":\"" + tokenInSession(user, "s", Duration.ofSeconds(-1))
          + "\",\"ref\":\"late\"}");

      JsonNode answer = socket.next();
      assertThat(answer.path("type").asString()).isEqualTo("error");
      assertThat(answer.path("code").asString()).isEqualTo("TOKEN_INVALID");
      assertThat(answer.path("ref").asString()).isEqualTo("late");
    }
  }

  private int unreadCount(String token) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/api/notifications/unread-count")).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens {@code /sse}; completes (with the number of lines read) when the server ends the stream. */
  private CompletableFuture<Long> sseUntilEnd(String token, String userId) {
    HttpResponse<Stream<String>> response = HTTP.sendAsync(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/sse?channels=user:" + userId))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines()).orTimeout(15, TimeUnit.SECONDS).join();
    assertThat(response.statusCode()).isEqualTo(200);
    return CompletableFuture.supplyAsync(() -> response.body().count());
  }

  private static TestUser user(String prefix) {
    return new TestUser(prefix + "." + UUID.randomUUID(), "Test", List.of("QUALITY"), null, null, null);
  }

  /** A token as the gateway issues it: with the sign-in's {@code sid}, issued 10 minutes before it expires. */
  static String tokenInSession(TestUser user, String session, Duration lifetime) {
    Instant expiry = Instant.now().plus(lifetime);
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
        .jwtID(UUID.randomUUID().toString()).claim("sid", session)
        .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiry));
    user.claims().forEach(claims::claim);
    return TestTokens.shared().sign(claims.build());
  }
}
