package com.pulse.notification.socket;

import com.pulse.identity.Caller;
import java.security.Principal;
import com.pulse.identity.Claims;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who opened a socket, as far as the socket needs to know: the caller (everything channel access is decided from)
 * and when the token expires. Kept instead of the decoded token, whose claims, headers and text would otherwise stay
 * reachable for the whole life of an idle connection.
 *
 * @param expiresAt null for a token without {@code exp}
 * @param token the token itself, only for a dialect that calls a service as the caller; else null
 * @param tokenIds the token's {@code sid} and {@code jti}: a revocation of either closes the socket
 */
record SocketCaller(Caller caller, Instant expiresAt, String token, Set<String> tokenIds) implements Principal {

  SocketCaller(Caller caller, Instant expiresAt, String token) {
    this(caller, expiresAt, token, Set.of());
  }

  /** The ids a revocation of this token may name: its sign-in ({@code sid}) and its own ({@code jti}). */
  static Set<String> tokenIds(Jwt jwt) {
    Set<String> ids = new HashSet<>();
    if (jwt.getId() != null) {
      ids.add(jwt.getId());
    }
    String session = jwt.getClaimAsString(Claims.SESSION_ID);
    if (session != null) {
      ids.add(session);
    }
    return Set.copyOf(ids);
  }

  @Override
  public String getName() {
    return caller.id();
  }

  SocketCaller withoutToken() {
    return token == null ? this : new SocketCaller(caller, expiresAt, null, tokenIds);
  }
}
