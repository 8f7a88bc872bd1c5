/** Which way events arrive: the socket, or one of its two fallbacks. */
export type TransportKind = 'websocket' | 'sse' | 'polling';

/**
 * - `idle`: nothing to listen to yet (no subscription, `connect()` not called);
 * - `connecting`: the first attempt, never live before;
 * - `live`: events flow on `transport`;
 * - `reconnecting`: was live (or connecting failed), waiting `nextRetryAt` or trying again;
 * - `offline`: the device says it has no network, or `offlineAfterFailures` attempts in a row failed (still retrying);
 * - `closed`: `close()` was called.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'closed';

/** Whether this tab holds the connection itself (`leader`), uses another tab's (`follower`) or shares none (`solo`). */
export type TabRole = 'solo' | 'leader' | 'follower';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The transport in use (or last tried); null before the first attempt. */
  transport: TransportKind | null;
  /** Consecutive failed attempts. */
  attempt: number;
  /** When the next attempt starts (epoch ms), while waiting. */
  nextRetryAt: number | null;
  role: TabRole;
  /** From `connected`: the server's session id and the user the token names (WebSocket only). */
  session: string | null;
  user: { id: string; name?: string; roles?: string[] } | null;
  /** What ended the last attempt, for display. */
  lastError: string | null;
}

export const INITIAL_STATE: ConnectionState = {
  status: 'idle',
  transport: null,
  attempt: 0,
  nextRetryAt: null,
  role: 'solo',
  session: null,
  user: null,
  lastError: null,
};

/**
 * A tiny observable value, shaped for React's `useSyncExternalStore` (`subscribe(cb) → unsubscribe`, `get()` returns
 * the same object until something changed), so the console and any framework can show it without polling.
 */
export class Observable<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  /** Replaces the value when `next` differs in any member; listeners are told once per change. */
  update(next: T): void {
    if (shallowEqual(this.value, next)) return;
    this.value = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a) as (keyof T)[];
  const keysB = Object.keys(b) as (keyof T)[];
  return keysA.length === keysB.length && keysA.every((key) => Object.is(a[key], b[key]));
}
