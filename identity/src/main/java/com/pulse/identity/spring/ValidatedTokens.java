package com.pulse.identity.spring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens that passed full validation (signature, issuer, time, revocation), keyed by the token string, so a client
 * sending the same token many times costs one RSA verification and one parse — the gateway's reactive decoder and
 * every service's servlet decoder wrap Spring's with it. An entry expires at the token's {@code exp} at the latest; a
 * token that failed is never remembered; revocation (of the token or its sign-in) is checked on every use.
 */
public final class ValidatedTokens {

  public static final String REVOKED = "The access token was revoked";

  private final RevocationValidator revocations;
  private final Cache<String, Jwt> validated;

  public ValidatedTokens(RevocationValidator revocations, int maxTokens) {
    this.revocations = revocations;
    this.validated = Caffeine.newBuilder().maximumSize(maxTokens)
        .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
        .build();
  }

  /**
   * The token's claims when it passed validation before and has not expired, else {@code null}.
   *
   * @throws BadJwtException when it was revoked since
   */
  public Jwt remembered(String token) {
    Jwt known = validated.getIfPresent(token);
    return known == null ? null : notRevoked(known);
  }

  /**
   * After the delegate's full validation of {@code token}: remembers it until it expires.
   *
   * @throws BadJwtException when it is revoked
   */
  public Jwt validated(String token, Jwt jwt) {
    notRevoked(jwt);
    if (jwt.getExpiresAt() != null) {
      validated.put(token, jwt);
    }
    return jwt;
  }

  private Jwt notRevoked(Jwt jwt) {
    if (revocations.isRevoked(jwt)) {
      throw new BadJwtException(REVOKED);
    }
    return jwt;
  }

  private static Duration untilExpiry(Jwt jwt) {
    Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
    return left.isNegative() ? Duration.ZERO : left;
  }
}
