package com.pulse.notification.socket;

import com.pulse.notification.channel.Viewer;
import java.security.Principal;
import java.time.Instant;

/**
 * Who opened a socket, as far as the socket needs to know: the viewer (everything channel access is decided from) and
 * when the token expires. Kept instead of the decoded token, whose claims, headers and text would otherwise stay
 * reachable for the whole life of an idle connection.
 *
 * @param expiresAt null for a token without {@code exp}
 */
record SocketCaller(Viewer viewer, Instant expiresAt) implements Principal {

  @Override
  public String getName() {
    return viewer.id();
  }
}
