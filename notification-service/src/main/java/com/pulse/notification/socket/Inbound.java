package com.pulse.notification.socket;

/**
 * What an endpoint does with what its clients send, in its own protocol. {@link SocketSessions} has already done
 * what every endpoint shares: liveness, the rate limit, refusing binary frames.
 */
interface Inbound {

  /** A text frame within the limits. Runs on the connection's I/O thread: must not block. */
  void text(Connection connection, String text);

  /**
   * A frame was not taken: {@code code} is the protocol's error code ({@link ServerFrames#RATE_LIMITED},
   * {@link ServerFrames#BAD_FRAME}), {@code message} says why in the client's terms.
   */
  void refused(Connection connection, String code, String message);
}
