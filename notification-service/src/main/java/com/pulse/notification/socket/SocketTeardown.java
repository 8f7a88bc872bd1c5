package com.pulse.notification.socket;

import org.springframework.web.reactive.socket.WebSocketSession;

/** How a connection's TCP side ends: cut at once (a client that never answers), and prepared for a clean close. */
@FunctionalInterface
interface SocketTeardown {

  /** Closes the session's TCP connection now, discarding anything not yet written. */
  void drop(WebSocketSession session);

  /** Called before the server's close frame is written; by default nothing. */
  default void beforeClose(WebSocketSession session) {}
}
