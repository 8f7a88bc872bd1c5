package com.pulse.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.pulse.gateway.auth.SigningKey;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Hand-made tokens for the cases {@code /auth/token} never produces: expired, foreign issuer, and so on. */
public final class TestJwts {

  private TestJwts() {
  }

  /** Pulse claims for {@code user}, issued now by {@code issuer}, valid for {@code lifetime} (negative: expired). */
  public static JWTClaimsSet claims(TestUser user, String issuer, Duration lifetime) {
    Instant now = Instant.now();
    Instant issuedAt = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofMinutes(30)) : now;
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(user.id())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(now.plus(lifetime)))
        .claim("name", user.name())
        .claim("roles", user.roles())
        .build();
  }

  /** Signs {@code claims} RS256 with {@code key}, as the gateway would. */
  public static String sign(SigningKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), claims);
      jwt.sign(new RSASSASigner(key.jwk()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
