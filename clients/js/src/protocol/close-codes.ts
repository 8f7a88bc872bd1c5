/**
 * WebSocket close codes of protocol v1 and what each asks of a client (PROTOCOL.md, "Close codes"). The decisions
 * themselves are in {@link ../core/backoff}; this file only names the numbers.
 */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  /** Client-side only: the TCP connection dropped without a close frame. */
  ABNORMAL: 1006,
  /** A client frame exceeded 16 KB: a client bug, reconnecting does not fix it. */
  MESSAGE_TOO_BIG: 1009,
  /** The server is shutting down: reconnect at once (another instance answers), with `since`. */
  SERVICE_RESTART: 1012,
  /** Connection limit reached: the reason says `retry after Ns`. */
  TRY_AGAIN_LATER: 1013,
  /** The gateway would not relay a service frame. */
  BAD_GATEWAY: 1014,
  /** Sent by this client when it gives up on a silent connection (no pong) or a handshake that never completes. */
  CLIENT_TIMEOUT: 4000,
  /** The token expired and no `refresh` replaced it: get a new token first. */
  TOKEN_EXPIRED: 4001,
  /** The token was revoked (sign-out, or its sign-in ended): get a new token first, as for 4001. */
  TOKEN_REVOKED: 4003,
  /** Slow consumer: the server's send queue overflowed. */
  SLOW_CONSUMER: 4008,
  /** Idle: nothing received within the idle timeout. */
  IDLE: 4009,
  /** Flood: back off longer. */
  FLOOD: 4029,
} as const;

/**
 * Reads the wait out of a 1013 reason such as `user connection limit; retry after 5s`. Undefined when the reason
 * names none (the caller then uses its own default).
 */
export function retryAfterFromReason(reason: string | undefined): number | undefined {
  if (!reason) return undefined;
  const match = /retry after\s+(\d+(?:\.\d+)?)\s*(ms|s)?/i.exec(reason);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2]?.toLowerCase() === 'ms' ? amount : amount * 1000;
}

/** Reads an HTTP `Retry-After` header (seconds or an HTTP date) as milliseconds from `now`. */
export function retryAfterFromHeader(value: string | null | undefined, now: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
