package com.pulse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.auth.SigningKey;
import com.pulse.testsupport.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The one gateway context every test class shares: the {@code local} profile (the demo users), a signing key file
 * created in a fresh directory at startup, routes pointed at real downstream servers ({@link Downstreams}), and a
 * route to a service that is down ({@link TestRoutes}).
 * Subclasses add nothing to the context, so Spring starts it once per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(TestRoutes.class)
public abstract class GatewayTestBase {

  protected static final String ISSUER = "http://gateway.test";
  protected static final String PASSWORD = "pulse";
  protected static final String ALLOWED_ORIGIN = "https://ward.pulse.test";
  /** Does not exist before the context starts: the gateway must create it, directories included. */
  protected static final Path KEY_FILE = temporaryDirectory().resolve("keys").resolve("signing-key.json");

  @LocalServerPort
  protected int port;

  @Autowired
  private SigningKey signingKey;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add("pulse.auth.issuer", () -> ISSUER);
    registry.add("pulse.auth.key-file", KEY_FILE::toString);
    // as the local stack passes them: plain base URLs
    registry.add("OCS_URL", Downstreams::ocsUrl);
    registry.add("NOTIFICATION_URL", Downstreams::notificationUrl);
    registry.add("JOURNEY_URL", Downstreams::journeyUrl);
    // limits low enough to reach in a test, high enough for every other test; each limit test uses its own user
    registry.add("pulse.gateway.limits.user.capacity", () -> "25");
    registry.add("pulse.gateway.limits.user.per-second", () -> "10");
    registry.add("pulse.gateway.limits.anonymous.capacity", () -> "300");
    registry.add("pulse.gateway.limits.anonymous.per-second", () -> "100");
    registry.add("pulse.gateway.resilience.open-duration", () -> "1s");
    // every test signs in from 127.0.0.1: the per-address allowance would slow all of them down after the
    // suite's deliberate failures (LoginThrottleTests checks that rule on its own throttle)
    registry.add("pulse.auth.free-address-failures", () -> "100000");
    registry.add("pulse.gateway.browser.allowed-origins", () -> ALLOWED_ORIGIN);
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** A client that reuses connections, as browsers do (see {@code KeepAliveTests}). */
  protected WebTestClient http() {
    return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(10)).build();
  }

  /** Signs in through {@code POST /auth/token} and returns the access token. */
  protected String tokenFor(TestUser user) {
    JsonNode body = http().post().uri("/auth/token").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("username", user.id(), "password", PASSWORD))
        .exchange()
        .expectStatus().isOk()
        .expectBody(JsonNode.class).returnResult().getResponseBody();
    assertThat(body).isNotNull();
    return body.get("access_token").asString();
  }

  /**
   * A valid token for a user of its own, signed as {@code /auth/token} would: for tests that open many sockets, which
   * must not meet the per-user limit on new WebSocket handshakes.
   */
  protected String tokenForNewUser(String prefix) {
    TestUser user = new TestUser(prefix + "-" + UUID.randomUUID(), "Test " + prefix, List.of("ADMIN"), null, null,
        null);
    return TestJwts.sign(signingKey, TestJwts.claims(user, ISSUER, Duration.ofMinutes(10)));
  }

  private static Path temporaryDirectory() {
    try {
      Path directory = Files.createTempDirectory("pulse-gateway-test");
      directory.toFile().deleteOnExit();
      directory.resolve("keys").toFile().deleteOnExit();
      directory.resolve("keys").resolve("signing-key.json").toFile().deleteOnExit();
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
