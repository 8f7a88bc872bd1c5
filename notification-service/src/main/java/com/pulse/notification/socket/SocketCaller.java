package com.pulse.notification.socket;

import com.pulse.identity.Caller;
import java.security.Principal;
import java.time.Instant;

/**
 * Who opened a socket, as far as the socket needs to know: the caller (everything channel access is decided from)
 * and when the token expires. Kept instead of the decoded token, whose claims, headers and text would otherwise stay
 * reachable for the whole life of an idle connection.
 *
 * @param expiresAt null for a token without {@code exp}
 * @param token the token itself, only for a dialect that calls a service as the caller; else null
 */
record SocketCaller(Caller caller, Instant expiresAt, String token) implements Principal {

  @Override
  public String getName() {
    return caller.id();
  }

  SocketCaller withoutToken() {
    return token == null ? this : new SocketCaller(caller, expiresAt, null);
  }
}
