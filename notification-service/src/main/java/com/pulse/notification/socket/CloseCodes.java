package com.pulse.notification.socket;

import java.time.Duration;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Close codes the server sends, as documented in the README ("Close codes"). 4xxx are Pulse's own (the range RFC 6455
 * leaves to applications); clients decide from the code whether to reconnect.
 */
final class CloseCodes {

  /** The token expired and no {@code refresh} replaced it: get a new token, then reconnect. */
  static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4001, "token expired");

  /**
   * The token's sign-in was ended (sign-out, or a reused refresh token) or the token itself revoked: get a new token by
   * signing in again, then reconnect. Sent within a second of the sign-out.
   */
  static final CloseStatus REVOKED = new CloseStatus(4003, "token revoked");

  /** The send queue overflowed: the client reads too slowly. Reconnect, then recover what was missed. */
  static final CloseStatus SLOW_CONSUMER = new CloseStatus(4008, "slow consumer: send queue full");

  /** Nothing arrived from the client (not even a pong) within the idle timeout. */
  static final CloseStatus IDLE = new CloseStatus(4009, "idle timeout");

  /** The client kept sending faster than the rate limit after being told {@code RATE_LIMITED}. */
  static final CloseStatus FLOOD = new CloseStatus(4029, "too many frames");

  /** A client frame exceeded the size limit. */
  static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("frame too big");

  /** The server is shutting down: reconnect (to another instance). */
  static final CloseStatus RESTARTING = CloseStatus.SERVICE_RESTARTED.withReason("server restarting: reconnect");

  /** Cannot happen behind the security filter; a guard, not a feature. */
  static final CloseStatus NOT_AUTHENTICATED = CloseStatus.POLICY_VIOLATION.withReason("not authenticated");

  private CloseCodes() {}

  /** 1013 Try Again Later, with the limit reached and when to retry: {@code user connection limit; retry after 5s}. */
  static CloseStatus tryAgainLater(String limit, Duration retryAfter) {
    return CloseStatus.SERVICE_OVERLOAD.withReason(limit + " connection limit; retry after " + retryAfter.toSeconds()
        + "s");
  }
}
