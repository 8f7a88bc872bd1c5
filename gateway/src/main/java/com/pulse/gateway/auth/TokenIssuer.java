package com.pulse.gateway.auth;

import com.pulse.identity.Claims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signs access tokens: RS256 with the gateway's key, claims {@code iss sub name roles jti sid iat exp} plus
 * {@code jobRole}, {@code patientId}, {@code empNo} and {@code department} when the user has them (names from the
 * identity contract, {@link Claims}).
 */
public final class TokenIssuer {

  private final JwtEncoder encoder;
  private final JwsHeader header;
  private final String issuer;
  private final Duration lifetime;
  private final Clock clock;

  public TokenIssuer(JwtEncoder encoder, SigningKey key, String issuer, Duration lifetime, Clock clock) {
    this.encoder = encoder;
    this.header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.kid()).type("JWT").build();
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A token for {@code user} within the sign-in {@code sessionId} (its {@code sid}: revoking it ends the sign-in). */
  public Jwt issue(UserAccount user, String sessionId) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer(issuer)
        .subject(user.username())
        .id(UUID.randomUUID().toString())
        .claim(Claims.SESSION_ID, sessionId)
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .claim(Claims.NAME, user.name())
        .claim(Claims.ROLES, user.roles());
    optional(claims, Claims.JOB_ROLE, user.jobRole());
    optional(claims, Claims.PATIENT_ID, user.patientId());
    optional(claims, Claims.EMP_NO, user.empNo());
    optional(claims, Claims.DEPARTMENT, user.department());
    return encoder.encode(JwtEncoderParameters.from(header, claims.build()));
  }

  private static void optional(JwtClaimsSet.Builder claims, String name, String value) {
    if (value != null) {
      claims.claim(name, value);
    }
  }

  public Duration lifetime() {
    return lifetime;
  }
}
