package com.pulse.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.pulse.identity.spring.RevocationValidator;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed full validation, keyed by the token string, so that a client sending the same token
 * a thousand times costs one RSA verification. An entry expires at the token's {@code exp} at the latest; a token
 * that failed is never remembered; revocation (of the token or its sign-in) is checked on every use.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

  static final String REVOKED = "The access token was revoked";

  private final ReactiveJwtDecoder delegate;
  private final RevocationValidator revoked;
  private final Cache<String, Jwt> validated;

  CachingJwtDecoder(ReactiveJwtDecoder delegate, RevocationValidator revoked, int maxTokens) {
    this.delegate = delegate;
    this.revoked = revoked;
    this.validated = Caffeine.newBuilder().maximumSize(maxTokens)
        .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
        .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = validated.getIfPresent(token);
    if (known != null) {
      return revoked.isRevoked(known) ? Mono.error(new BadJwtException(REVOKED)) : Mono.just(known);
    }
    return delegate.decode(token).flatMap(jwt -> {
      if (revoked.isRevoked(jwt)) {
        return Mono.error(new BadJwtException(REVOKED));
      }
      if (jwt.getExpiresAt() != null) {
        validated.put(token, jwt);
      }
      return Mono.just(jwt);
    });
  }

  private static Duration untilExpiry(Jwt jwt) {
    Duration left = Duration.between(Instant.now(), jwt.getExpiresAt());
    return left.isNegative() ? Duration.ZERO : left;
  }
}
