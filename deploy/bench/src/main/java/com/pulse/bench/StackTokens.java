package com.pulse.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.pulse.identity.Claims;
import com.pulse.testsupport.TestUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Tokens for users the gateway's sign-in does not know (a thousand employees, a hundred ward displays), signed
 * exactly as the gateway signs its own (RS256 with its key from the stack's data directory, its issuer, the identity
 * contract's claims), so every service reads them as the gateway's.
 */
public final class StackTokens {

  private static final Duration LIFETIME = Duration.ofHours(4);

  private final RSAKey key;
  private final String issuer;

  private StackTokens(RSAKey key, String issuer) {
    this.key = key;
    this.issuer = issuer;
  }

  public static StackTokens fromKeyFile(Path file, String issuer) {
    try {
      JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
      RSAKey rsa = jwk.toRSAKey();
      return new StackTokens(rsa.getKeyID() != null ? rsa : new RSAKey.Builder(rsa).keyIDFromThumbprint().build(),
          issuer);
    } catch (IOException e) {
      throw new UncheckedIOException("no gateway signing key at " + file + " (--data= the stack's data directory)",
          e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("unreadable signing key " + file, e);
    }
  }

  /** A token valid for four hours, with its own sign-in id. */
  public String issue(TestUser user) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).jwtID(UUID.randomUUID().toString())
        .claim(Claims.SESSION_ID, UUID.randomUUID().toString())
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)));
    user.claims().forEach(claims::claim);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
