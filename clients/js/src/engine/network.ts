/**
 * Whether the device has a network, and when that changes. In a browser, `navigator.onLine` with the window's
 * `online`/`offline` events: while offline the engine stops retrying (each attempt would fail and only grow the
 * backoff) and shows `offline`; back online it reconnects at once. Injectable for tests; absent in Node.
 */
export interface NetworkMonitor {
  online(): boolean;
  /** Calls `listener` on every change; returns the function that stops watching. */
  watch(listener: (online: boolean) => void): () => void;
}

/** The browser's monitor, or undefined where there is no `navigator.onLine` and `window` events (Node). */
export function browserNetwork(): NetworkMonitor | undefined {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  const target = globalThis as unknown as {
    addEventListener?: (type: string, listener: () => void) => void;
    removeEventListener?: (type: string, listener: () => void) => void;
  };
  if (typeof nav?.onLine !== 'boolean' || typeof target.addEventListener !== 'function') return undefined;
  return {
    online: () => nav.onLine !== false,
    watch(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      target.addEventListener!('online', online);
      target.addEventListener!('offline', offline);
      return () => {
        target.removeEventListener?.('online', online);
        target.removeEventListener?.('offline', offline);
      };
    },
  };
}
