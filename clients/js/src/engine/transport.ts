import type { CloseInfo } from '../core/backoff.js';
import type { PulseError } from '../core/errors.js';
import type { PositionBook } from '../core/positions.js';
import type { TransportKind } from '../core/state.js';
import type { TokenKeeper } from '../core/token.js';
import type { EventFrame, HistoryFrame, Presence } from '../protocol/frames.js';
import type { WebSocketConstructor } from '../transports/websocket-like.js';

/** Where the three transports live, relative to the gateway's base URL. */
export interface PulsePaths {
  socket: string;
  sse: string;
  events: string;
  presence: string;
}

export const DEFAULT_PATHS: PulsePaths = {
  socket: '/ws',
  sse: '/sse',
  events: '/api/notifications/events',
  presence: '/api/notifications/presence',
};

/** Settings every transport reads. */
export interface TransportSettings {
  baseUrl: string;
  paths: PulsePaths;
  WebSocket: WebSocketConstructor | undefined;
  fetch: typeof fetch;
  /** A handshake, an SSE stream or a first poll that has not opened by then counts as failed, ms. */
  connectTimeoutMs: number;
  /** Presence/history over the socket give up after this, ms. */
  requestTimeoutMs: number;
  /** No `pong` this long after our `ping` means the connection is dead, ms (default: the server's heartbeat). */
  pongTimeoutMs: number | undefined;
  pollIntervalMs: number;
  pollLimit: number;
  now: () => number;
}

/** What a transport reports to the engine; a closed transport reports nothing more. */
export interface TransportHandler {
  /** Events flow: `connected` (socket), the first bytes (SSE), the first answered poll. */
  opened(info: { session?: string; user?: { id: string; name?: string; roles?: string[] } }): void;
  /** An event for the listeners, its channels already narrowed to those this client may deliver. */
  event(frame: EventFrame): void;
  /** The channel is caught up; `askedSince` says whether a recovery was asked for (so `!recovered` is a reset). */
  subscribed(channel: string, recovered: boolean, askedSince: boolean): void;
  /** The server refused the channel (`FORBIDDEN`, `UNKNOWN_CHANNEL`, `TOO_MANY_SUBSCRIPTIONS`): stop asking. */
  refused(channel: string, error: PulseError): void;
  /** The server refused our `since` for these channels; they are live from now on, the gap is lost. */
  sinceRefused(channels: readonly string[]): void;
  /** Something listeners should hear about that does not end the connection. */
  error(error: PulseError): void;
  /** The transport ended; the engine decides what next. */
  closed(info: CloseInfo): void;
}

/** What a transport needs from the engine. */
export interface TransportContext {
  settings: TransportSettings;
  tokens: TokenKeeper;
  book: PositionBook;
  /** The channels wanted right now, less those the server refused. */
  channels(): ReadonlySet<string>;
  handler: TransportHandler;
}

/** One way of receiving events; the engine owns exactly one at a time (plus an upgrade probe). */
export interface Transport {
  readonly kind: TransportKind;
  start(token: string): void;
  /** The wanted channels changed. */
  sync(): void;
  /** Asks over this transport when it can (the socket); undefined when the engine should use REST. */
  presence?(channel: string): Promise<Presence> | undefined;
  history?(channel: string, limit: number): Promise<HistoryFrame> | undefined;
  /** Ends it without reporting `closed`. */
  close(): void;
}

export function httpUrl(settings: TransportSettings, path: string, query: Record<string, string | undefined>): string {
  const url = new URL(path, settings.baseUrl);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}
