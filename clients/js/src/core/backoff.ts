import { CloseCode, retryAfterFromReason } from '../protocol/close-codes.js';

/**
 * When to reconnect, after what. Exponential backoff with AWS's "full jitter" (sleep = random(0, min(cap, base·2^n)),
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): the randomness is what keeps thousands
 * of clients that lost the same server from coming back in the same instant (issue 15's reconnect storm), and the
 * whole interval is random, not just a ±10% around a fixed delay, because that spreads them most.
 */
export interface BackoffOptions {
  /** First interval's upper bound, ms (default 500). */
  baseMs: number;
  /** No interval grows past this, ms (default 30,000). */
  capMs: number;
  /** 1012 (server restarting): reconnect within random(0, this), ms (default 1,000), without counting a failure. */
  restartJitterMs: number;
  /** 1013 without a "retry after" in its reason, ms (default 5,000). */
  defaultRetryAfterMs: number;
  /** 4029 (flood): wait at least this, plus random(0, this), ms (default 30,000). */
  floodMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 500,
  capMs: 30_000,
  restartJitterMs: 1_000,
  defaultRetryAfterMs: 5_000,
  floodMs: 30_000,
};

/** What ended a connection attempt, as far as a client can know it. */
export interface CloseInfo {
  /** WebSocket close code (1006 when the connection dropped). */
  code?: number;
  reason?: string;
  /** HTTP status of a refused handshake, SSE request or poll (Node can read a WebSocket's; browsers cannot). */
  status?: number;
  /** The server's `Retry-After`, ms. */
  retryAfterMs?: number;
  /** The transport reached live (`connected`, first SSE bytes, first poll) before it ended. */
  opened: boolean;
  /** Why this client closed it itself, when it did. */
  byClient?: 'connect-timeout' | 'heartbeat-timeout' | 'token-rejected';
  error?: unknown;
}

export interface ReconnectDecision {
  /** How long to wait, ms. */
  delayMs: number;
  /** Get a new token from `getToken()` before reconnecting (4001, 4003, 401, a refused refresh). */
  renewToken: boolean;
  /** This attempt counts towards the backoff exponent and the fallback ladder. */
  countsAsFailure: boolean;
  /** The server told us how long to wait (1013, Retry-After, 4029): not a sign the transport is blocked. */
  serverAskedToWait: boolean;
}

/** random(0, min(cap, base·2^attempt)): AWS's full jitter. `random` returns [0, 1). */
export function fullJitter(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return random() * ceiling;
}

/** The server's wait, then spread over as long again (capped), so a crowd told "5 s" does not return at 5.000 s. */
function afterServerWait(waitMs: number, options: BackoffOptions, random: () => number): number {
  return waitMs + random() * Math.min(options.capMs, Math.max(options.baseMs, waitMs));
}

/**
 * Decides the next reconnect from what ended the last attempt and how many attempts failed in a row.
 *
 * @param attempt consecutive failed attempts before this one (0 after a stable connection)
 * @param renewedJustBefore the token was renewed right before the attempt that ended; a second rejection then backs
 *   off normally instead of asking `getToken()` in a tight loop
 */
export function decideReconnect(
  info: CloseInfo,
  attempt: number,
  options: BackoffOptions,
  random: () => number,
  renewedJustBefore = false,
): ReconnectDecision {
  const decision = (delayMs: number, extra: Partial<ReconnectDecision> = {}): ReconnectDecision => ({
    delayMs,
    renewToken: false,
    countsAsFailure: true,
    serverAskedToWait: false,
    ...extra,
  });
  const tokenRejected =
    info.code === CloseCode.TOKEN_EXPIRED ||
    info.code === CloseCode.TOKEN_REVOKED ||
    info.status === 401 ||
    info.byClient === 'token-rejected';
  if (tokenRejected) {
    return renewedJustBefore
      ? decision(fullJitter(attempt, options, random), { renewToken: true })
      : decision(random() * options.baseMs, { renewToken: true, countsAsFailure: false });
  }
  if (info.code === CloseCode.SERVICE_RESTART) {
    return decision(random() * options.restartJitterMs, { countsAsFailure: false });
  }
  if (info.code === CloseCode.TRY_AGAIN_LATER) {
    const wait = retryAfterFromReason(info.reason) ?? options.defaultRetryAfterMs;
    return decision(afterServerWait(wait, options, random), { serverAskedToWait: true });
  }
  if (info.code === CloseCode.FLOOD) {
    return decision(options.floodMs + random() * options.floodMs, { serverAskedToWait: true });
  }
  if (info.status === 429 || info.status === 503) {
    const wait = info.retryAfterMs ?? 0;
    return decision(wait > 0 ? afterServerWait(wait, options, random) : fullJitter(attempt, options, random), {
      serverAskedToWait: true,
    });
  }
  return decision(fullJitter(attempt, options, random));
}
