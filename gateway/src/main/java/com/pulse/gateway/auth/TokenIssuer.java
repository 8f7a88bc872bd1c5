package com.pulse.gateway.auth;

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
 * Signs access tokens: RS256 with the gateway's key, claims {@code iss sub name roles jti iat exp} plus
 * {@code jobRole}, {@code patientId} and {@code empNo} when the user has them.
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

  public Jwt issue(UserAccount user) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer(issuer)
        .subject(user.username())
        .id(UUID.randomUUID().toString())
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .claim("name", user.name())
        .claim("roles", user.roles());
    if (user.jobRole() != null) {
      claims.claim("jobRole", user.jobRole());
    }
    if (user.patientId() != null) {
      claims.claim("patientId", user.patientId());
    }
    if (user.empNo() != null) {
      claims.claim("empNo", user.empNo());
    }
    return encoder.encode(JwtEncoderParameters.from(header, claims.build()));
  }

  public Duration lifetime() {
    return lifetime;
  }
}
