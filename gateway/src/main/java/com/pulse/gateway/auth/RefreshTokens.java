package com.pulse.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Opaque refresh tokens (256 random bits), each usable once: {@link #redeem} spends it, and the caller issues a new
 * one of the same sign-in (rotation). A spent token is remembered for the token lifetime: presenting it again is
 * reuse (a stolen token, or a stolen successor), and the caller revokes the whole sign-in (OAuth 2.0 Security BCP,
 * refresh token rotation). In memory: a gateway restart signs everybody out at the next refresh. Bounded in number;
 * when full, the oldest idle tokens go first.
 */
final class RefreshTokens {

  private static final int MAX_TOKENS = 200_000;

  private final SecureRandom random = new SecureRandom();
  private final Duration lifetime;
  private final Cache<String, Grant> live;
  private final Cache<String, Grant> spent;

  RefreshTokens(Duration lifetime) {
    this.lifetime = lifetime;
    this.live = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(lifetime).build();
    this.spent = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(lifetime).build();
  }

  /** A new refresh token for {@code username} within the sign-in {@code sessionId}. */
  String issue(String username, String sessionId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    live.put(token, new Grant(username, sessionId));
    return token;
  }

  /** Spends {@code token}: what it granted ({@link Redeemed#valid}), a reuse of a spent one, or nothing known. */
  Redeemed redeem(String token) {
    if (token == null) {
      return Redeemed.UNKNOWN;
    }
    Grant grant = live.asMap().remove(token);
    if (grant != null) {
      spent.put(token, grant);
      return new Redeemed(grant, false);
    }
    Grant reused = spent.getIfPresent(token);
    return reused == null ? Redeemed.UNKNOWN : new Redeemed(reused, true);
  }

  /** Revokes {@code token} if it belongs to {@code username}. */
  void revoke(String token, String username) {
    if (token != null) {
      live.asMap().computeIfPresent(token, (key, grant) -> grant.username().equals(username) ? null : grant);
    }
  }

  /** Revokes every live refresh token of the sign-in {@code sessionId}. */
  void revokeSession(String sessionId) {
    if (sessionId != null) {
      live.asMap().values().removeIf(grant -> sessionId.equals(grant.sessionId()));
    }
  }

  Duration lifetime() {
    return lifetime;
  }

  record Grant(String username, String sessionId) {}

  /**
   * @param grant null when the token is unknown (never issued, expired, revoked)
   * @param reuse the token was already spent: its sign-in must be revoked
   */
  record Redeemed(Grant grant, boolean reuse) {

    static final Redeemed UNKNOWN = new Redeemed(null, false);

    boolean valid() {
      return grant != null && !reuse;
    }
  }
}
