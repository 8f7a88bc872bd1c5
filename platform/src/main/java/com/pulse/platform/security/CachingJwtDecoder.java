package com.pulse.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.pulse.identity.spring.RevocationValidator;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens that passed full validation (signature, issuer, time, revocation), keyed by the token string, so a
 * client sending the same token many times costs one RSA verification and one parse: the profile of a command showed
 * JWT decoding at about a tenth of a service's CPU. An entry expires at the token's {@code exp} at the latest; a token
 * that failed is never remembered; revocation (of the token or its sign-in) is checked on every use. The gateway does
 * the same for its reactive decoder.
 */
final class CachingJwtDecoder implements JwtDecoder {

  static final String REVOKED = "The access token was revoked";

  private final JwtDecoder delegate;
  private final RevocationValidator revoked;
  private final Cache<String, Jwt> validated;

  CachingJwtDecoder(JwtDecoder delegate, RevocationValidator revoked, int maxTokens) {
    this.delegate = delegate;
    this.revoked = revoked;
    this.validated = Caffeine.newBuilder().maximumSize(maxTokens)
        .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
        .build();
  }

  @Override
  public Jwt decode(String token) {
    Jwt known = validated.getIfPresent(token);
    if (known == null) {
      known = delegate.decode(token);
      if (known.getExpiresAt() != null) {
        validated.put(token, known);
      }
    }
    if (revoked.isRevoked(known)) {
      throw new BadJwtException(REVOKED);
    }
    return known;
  }

  private static Duration untilExpiry(Jwt jwt) {
    Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
    return left.isNegative() ? Duration.ZERO : left;
  }
}
