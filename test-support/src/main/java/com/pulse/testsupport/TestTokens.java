package com.pulse.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs tokens the way the gateway does (RS256, Pulse claims) with a key made for this test JVM, and serves its
 * public half as JWKS over real HTTP, so services under test validate tokens exactly as in production.
 */
public final class TestTokens {

  /** The issuer every test token carries and every service under test expects. */
  public static final String ISSUER = "http://pulse.test";

  private static final TestTokens INSTANCE = new TestTokens();

  private final RSAKey key;
  private final HttpServer jwks;

  private TestTokens() {
    try {
      key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("test-" + UUID.randomUUID()).generate();
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      jwks.createContext("/.well-known/jwks.json", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      jwks.start();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestTokens shared() {
    return INSTANCE;
  }

  public String jwkSetUri() {
    return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
  }

  /** A token valid for an hour. */
  public String issue(TestUser user) {
    return issue(user, Duration.ofHours(1));
  }

  /** A token that expires after {@code lifetime} (negative: already expired). */
  public String issue(TestUser user, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)));
    user.claims().forEach(claims::claim);
    return sign(claims.build());
  }

  /**
   * A token shaped as Keycloak issues them for this user: roles under {@code realm_access.roles} (with Keycloak's own
   * default roles beside them) and no {@code roles} claim; Pulse's other claims as protocol mappers would add them.
   * Every service must read it as the same caller as {@link #issue(TestUser)}'s token.
   */
  public String issueAsKeycloak(TestUser user) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("preferred_username", user.id())
        .claim("typ", "Bearer")
        .claim("azp", "pulse-console");
    user.claims().forEach((name, value) -> {
      if (!name.equals(com.pulse.identity.Claims.ROLES)) {
        claims.claim(name, value);
      }
    });
    java.util.List<String> realmRoles = new java.util.ArrayList<>(user.roles());
    realmRoles.addAll(java.util.List.of("offline_access", "uma_authorization", "default-roles-pulse"));
    claims.claim("realm_access", java.util.Map.of("roles", realmRoles));
    return sign(claims.build());
  }

  /**
   * Writes the key pair, private half included, as a JWK file in the form the gateway's {@code pulse.auth.key-file}
   * reads: a gateway started with it (and {@link #ISSUER} as its issuer) accepts these tokens as its own — the
   * benchmarks put a real gateway in front of services that trust this JVM's tokens. A test key, made per JVM.
   */
  public void writeSigningKey(Path file) {
    try {
      Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs arbitrary claims with the trusted key, for tests of claim validation. */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
