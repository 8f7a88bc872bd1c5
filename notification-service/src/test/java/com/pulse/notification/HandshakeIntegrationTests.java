package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The token is checked during the handshake: no socket exists for a caller without a valid one. */
@PulseIntegrationTest
class HandshakeIntegrationTests {

  @LocalServerPort int port;

  @Test
  void withoutATokenTheHandshakeIsRefusedWith401ProblemDetails() throws Exception {
    try (RawSocket refused = RawSocket.handshake(port, "/ws", 64 * 1024)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
      JsonNode problem = SocketClient.JSON.readTree(refused.body());
      assertThat(problem.path("status").asInt()).isEqualTo(401);
      assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
      assertThat(problem.path("detail").asString()).contains("access_token");
      assertThat(problem.path("instance").asString()).isEqualTo("/ws");
    }
    assertThat(SocketClient.refusedWith(SocketClient.uri(port, null))).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefusedWith401() throws Exception {
    String expired = TestTokens.shared().issue(TestUser.ADMIN, Duration.ofMinutes(-5));

    assertThat(SocketClient.refusedWith(SocketClient.uri(port, expired))).isEqualTo(401);
    try (RawSocket refused = RawSocket.handshake(port, "/ws?access_token=" + expired, 64 * 1024)) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
      assertThat(SocketClient.JSON.readTree(refused.body()).path("detail").asString()).contains("expired");
    }
  }

  @Test
  void aTokenWhosePayloadWasChangedIsRefused() {
    String[] quality = TestUser.QA_JUNG.token().split("\\.");
    String[] admin = TestUser.ADMIN.token().split("\\.");
    // the admin's claims under the quality engineer's signature
    String forged = quality[0] + "." + admin[1] + "." + quality[2];

    assertThat(SocketClient.refusedWith(SocketClient.uri(port, forged))).isEqualTo(401);
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
        claims(TestTokens.ISSUER).build());
    jwt.sign(new RSASSASigner(foreign));

    assertThat(SocketClient.refusedWith(SocketClient.uri(port, jwt.serialize()))).isEqualTo(401);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    String token = TestTokens.shared().sign(claims("http://elsewhere.example").build());

    assertThat(SocketClient.refusedWith(SocketClient.uri(port, token))).isEqualTo(401);
  }

  @Test
  void garbageInsteadOfATokenIsRefused() {
    assertThat(SocketClient.refusedWith(SocketClient.uri(port, "not.a.token"))).isEqualTo(401);
  }

  @Test
  void onOpenTheServerDescribesTheSessionTheUserAndTheirChannels() throws Exception {
    try (SocketClient kim = SocketClient.connect(port, TestUser.DR_KIM.token())) {
      JsonNode connected = kim.next();

      assertThat(connected.path("type").asString()).isEqualTo("connected");
      assertThat(connected.path("session").asString()).hasSize(36);
      assertThat(connected.path("user").path("id").asString()).isEqualTo("dr.kim");
      assertThat(connected.path("user").path("name").asString()).isEqualTo("Dr. Kim");
      assertThat(connected.path("user").path("roles").valueStream().map(JsonNode::asString)).containsExactly("DOCTOR");
      assertThat(connected.path("channels").valueStream().map(JsonNode::asString))
          .containsExactly("ocs:doctor:dr.kim", "user:dr.kim");
      assertThat(connected.path("heartbeat").asInt()).isEqualTo(25);
      assertThat(connected.path("position").isString()).isTrue();
    }
  }

  @Test
  void theAuthorizationHeaderWorksAsWellAsTheQueryParameter() throws Exception {
    try (SocketClient worker = SocketClient.connectWithHeader(port, TestUser.RIS_PARK.bearer())) {
      JsonNode connected = worker.next();

      assertThat(connected.path("user").path("id").asString()).isEqualTo("ris.park");
      assertThat(connected.path("channels").valueStream().map(JsonNode::asString)).containsExactly("ocs:job:RIS", "user:ris.park");
    }
  }

  @Test
  void everyOtherEndpointNeedsATokenInTheHeaderAndIgnoresOneInTheQuery() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      URI unknown = URI.create("http://127.0.0.1:" + port + "/api/anything?access_token=" + TestUser.ADMIN.token());
      HttpResponse<String> withQueryToken = http.send(HttpRequest.newBuilder(unknown).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> withHeader = http.send(HttpRequest.newBuilder(unknown)
          .header("Authorization", TestUser.ADMIN.bearer()).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(withQueryToken.statusCode()).isEqualTo(401);
      assertThat(withQueryToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(withHeader.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aPlainRequestToASocketEndpointGets400AndOneWithAnotherMethod405() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String path : List.of("/ws", "/ws/ocs")) {
        URI endpoint = URI.create("http://127.0.0.1:" + port + path);
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(endpoint)
            .header("Authorization", TestUser.ADMIN.bearer()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(endpoint)
            .header("Authorization", TestUser.ADMIN.bearer()).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(plain.statusCode()).as(path).isEqualTo(400);
        assertThat(plain.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(SocketClient.JSON.readTree(plain.body()).path("detail").asString()).contains("Upgrade: websocket");
        assertThat(post.statusCode()).as(path).isEqualTo(405);
      }
    }
  }

  private static JWTClaimsSet.Builder claims(String issuer) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(issuer).subject("admin").claim("name", "Admin")
        .claim("roles", List.of("ADMIN")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
  }
}
