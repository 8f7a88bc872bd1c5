import type { ConnectionState } from '../core/state.js';
import type { EventFrame, HistoryFrame, Position, Presence } from '../protocol/frames.js';

/**
 * What tabs tell each other over the `BroadcastChannel`. Plain JSON-like objects (structured clone drops classes, so
 * errors travel as `{code, message}`). Every tab hears every message, which is how a follower already knows every
 * other tab's channels and the leader's positions at the moment it has to take over.
 */
export type TabMessage =
  /** A tab's full set of wanted channels (idempotent; sent on change and whenever a leader appears). */
  | { t: 'need'; tab: string; channels: string[] }
  /** A tab is leaving: its channels are no longer wanted. */
  | { t: 'bye'; tab: string }
  /** A tab took the lock and holds the connection now. */
  | { t: 'leader'; tab: string }
  /** A new tab asks the leader for its state. */
  | { t: 'hello'; tab: string }
  /** An event, with the leader's positions right after it (the book a new leader resumes from). */
  | { t: 'event'; frame: EventFrame; positions: Record<string, Position>; autoJoined: string[] }
  | { t: 'reset'; channel: string }
  | { t: 'channel-error'; channel: string; code: string; message: string }
  | { t: 'error'; code: string; message: string }
  | { t: 'state'; state: Omit<ConnectionState, 'role'>; positions: Record<string, Position>; autoJoined: string[] }
  | { t: 'request'; id: string; tab: string; kind: 'presence'; channel: string }
  | { t: 'request'; id: string; tab: string; kind: 'history'; channel: string; limit: number }
  | { t: 'response'; id: string; tab: string; ok: true; value: Presence | HistoryFrame }
  | { t: 'response'; id: string; tab: string; ok: false; code: string; message: string };

export function isTabMessage(value: unknown): value is TabMessage {
  return typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';
}
