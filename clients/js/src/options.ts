import { DEFAULT_BACKOFF, type BackoffOptions } from './core/backoff.js';
import type { TransportKind } from './core/state.js';
import type { GetToken } from './core/token.js';
import { browserNetwork, type NetworkMonitor } from './engine/network.js';
import type { EngineOptions } from './engine/engine.js';
import { DEFAULT_PATHS, type PulsePaths } from './engine/transport.js';
import type { TabsOptions } from './tabs/environment.js';
import type { WebSocketConstructor } from './transports/websocket-like.js';

export interface PulseClientOptions {
  /** The gateway's base URL, e.g. `http://localhost:8080`; `''` means the page's own origin. */
  url: string;
  /** Gives the access token; asked again before it expires and whenever the server refuses it. */
  getToken: GetToken;
  /** Default: the global `WebSocket`. In Node 20 pass `ws`'s: `import { WebSocket } from 'ws'`. */
  WebSocket?: WebSocketConstructor;
  /** Default: the global `fetch` (SSE, polling and presence over REST use it). */
  fetch?: typeof fetch;
  /** Transports to use, best first. Default `['websocket', 'sse', 'polling']`. */
  transports?: TransportKind[];
  paths?: Partial<PulsePaths>;
  backoff?: Partial<BackoffOptions>;
  /**
   * Share one connection between the tabs of this origin (Web Locks + BroadcastChannel). Default: on where the browser
   * has both; `false` keeps a connection per tab; an object injects the implementations (tests, other runtimes).
   */
  tabs?: boolean | TabsOptions;
  /** How many event ids are remembered to drop duplicates (default 10,000). */
  dedupeCapacity?: number;
  /** Default 10,000 ms. */
  connectTimeoutMs?: number;
  /** Presence/history answers, ms (default 10,000). */
  requestTimeoutMs?: number;
  /** Default: the server's heartbeat interval. */
  pongTimeoutMs?: number;
  /** Default 3,000 ms (the seed's polling interval). */
  pollIntervalMs?: number;
  /** Events per poll (1–1000, default 100). */
  pollLimit?: number;
  /** Default 2. */
  fallbackAfterFailures?: number;
  /** Default 60,000 ms. */
  upgradeIntervalMs?: number;
  /** Default 4. */
  offlineAfterFailures?: number;
  /** Default 5,000 ms. */
  stableAfterMs?: number;
  /** Refresh the token this long before `exp` at most (default 30,000 ms; a tenth of a shorter life). */
  tokenRefreshMarginMs?: number;
  /** Default: the browser's `navigator.onLine`; `null` to ignore it. */
  network?: NetworkMonitor | null;
  /** A listener callback threw; default `console.error`. */
  onListenerError?: (error: unknown) => void;
  /** For tests: [0, 1). */
  random?: () => number;
  /** For tests: epoch ms. */
  now?: () => number;
}

/** The engine's settings from the client's options, each default named once here. */
export function engineOptions(options: PulseClientOptions): EngineOptions {
  const globals = globalThis as { WebSocket?: WebSocketConstructor };
  return {
    baseUrl: options.url || (globalThis as { location?: { origin: string } }).location?.origin || '',
    paths: { ...DEFAULT_PATHS, ...options.paths },
    WebSocket: options.WebSocket ?? globals.WebSocket,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    pongTimeoutMs: options.pongTimeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? 3_000,
    pollLimit: options.pollLimit ?? 100,
    transports: options.transports ?? ['websocket', 'sse', 'polling'],
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    fallbackAfterFailures: options.fallbackAfterFailures ?? 2,
    upgradeIntervalMs: options.upgradeIntervalMs ?? 60_000,
    offlineAfterFailures: options.offlineAfterFailures ?? 4,
    stableAfterMs: options.stableAfterMs ?? 5_000,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    network: options.network === null ? undefined : (options.network ?? browserNetwork()),
  };
}
