package com.pulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque refresh tokens (256 random bits), each usable once: {@link #redeem} removes it, and the caller issues a
 * new one (rotation). In memory: a gateway restart signs everybody out at the next refresh. Bounded in number;
 * when full, the oldest idle tokens go first.
 */
final class RefreshTokens {

  private static final int MAX_TOKENS = 200_000;

  private final SecureRandom random = new SecureRandom();
  private final Duration lifetime;
  private final Cache<String, String> usernames;

  RefreshTokens(Duration lifetime) {
    this.lifetime = lifetime;
    this.usernames = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(lifetime).build();
  }

  String issue(String username) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    usernames.put(token, username);
    return token;
  }

  /** The username the token was issued to, and the token is spent; empty when unknown, spent or expired. */
  Optional<String> redeem(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(usernames.asMap().remove(token));
  }

  /** Revokes {@code token} if it belongs to {@code username}. */
  void revoke(String token, String username) {
    if (token != null) {
      usernames.asMap().remove(token, username);
    }
  }

  Duration lifetime() {
    return lifetime;
  }
}
