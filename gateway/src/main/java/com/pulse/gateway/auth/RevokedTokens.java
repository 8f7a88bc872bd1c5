package com.pulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;

/**
 * Ids ({@code jti}) of access tokens revoked by sign-out, each kept until its token would have expired anyway (plus
 * the validators' clock skew). In memory, one gateway's view: after a restart, or on another gateway instance, a
 * signed-out token is valid again until it expires (keep access tokens short-lived). Not bounded by size, on
 * purpose: evicting an entry would bring a revoked token back; it holds at most the sign-outs of one token lifetime.
 */
public final class RevokedTokens {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final Cache<String, Instant> revoked = Caffeine.newBuilder()
      .expireAfter(Expiry.<String, Instant>creating((jti, expiresAt) ->
          Duration.between(Instant.now(), expiresAt.plus(CLOCK_SKEW)).isNegative()
              ? Duration.ZERO : Duration.between(Instant.now(), expiresAt.plus(CLOCK_SKEW))))
      .build();

  public void revoke(String jti, Instant expiresAt) {
    if (jti != null && expiresAt != null) {
      revoked.put(jti, expiresAt);
    }
  }

  public boolean isRevoked(String jti) {
    return jti != null && revoked.getIfPresent(jti) != null;
  }
}
