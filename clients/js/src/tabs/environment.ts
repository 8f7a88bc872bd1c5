/**
 * The two browser features cross-tab sharing needs, narrowed to what it uses, so Node tests can inject fakes and a
 * real Chromium can use the real ones.
 */

/** `navigator.locks` (Web Locks API): an exclusive lock is released when its callback's promise settles or its tab
 * dies — which is what makes hand-over work when a leader tab is closed or crashes. */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode?: 'exclusive'; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown>,
  ): Promise<unknown>;
}

/** `BroadcastChannel`: delivers to every other context of the origin that opened the same name, in send order. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export interface TabsOptions {
  /** Default: `navigator.locks`. */
  locks?: LockManagerLike;
  /** Default: `name => new BroadcastChannel(name)`. */
  openChannel?: (name: string) => BroadcastChannelLike;
  /**
   * Which tabs share one connection. Default: the gateway URL and the token's `sub`, so tabs of one user share and
   * a second user signed in elsewhere in the same browser does not receive the first one's events.
   */
  key?: string;
  /** This tab's id in messages (default random). */
  tabId?: string;
  /** Requests relayed to the leader tab give up after this, ms (default 10,000). */
  requestTimeoutMs?: number;
}

/** The browser's implementations, or undefined when either is missing (each tab then keeps its own connection). */
export function browserTabs(): Required<Pick<TabsOptions, 'locks' | 'openChannel'>> | undefined {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => BroadcastChannelLike }).BroadcastChannel;
  if (!locks || typeof locks.request !== 'function' || typeof Channel !== 'function') return undefined;
  return { locks, openChannel: (name) => new Channel(name) };
}
