/**
 * The frames of notification-service's protocol v1 (`notification-service/PROTOCOL.md`, `asyncapi.yaml`), as the
 * client reads and writes them. Written by hand because the protocol is small and AsyncAPI code generators add more
 * than they save; the REST types are the ones item 3 generates from OpenAPI.
 *
 * Members the server may add later are tolerated: every frame is read by `type`, unknown members are ignored.
 */

/** A CloudEvents 1.0 event exactly as Kafka holds it (common-events); `id` is unique and the dedupe key. */
export interface CloudEvent<T = unknown> {
  specversion: string;
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  dataschema?: string;
  datacontenttype?: string;
  /** Per aggregate, zero-padded so it sorts. */
  sequence?: string;
  traceparent?: string;
  /** The channels the producer named, comma-separated. */
  audience?: string;
  priority?: 'LOW' | 'NORMAL' | 'HIGH' | 'CRITICAL' | string;
  title?: string;
  summary?: string;
  data?: T;
  [extension: string]: unknown;
}

/** `ref` of a client frame, echoed in the answer or error about it. */
export type Ref = string | number;

/**
 * A stream position: per partition, the offset up to which everything has been accounted for, e.g.
 * `ocs.orders.v1:0:15,1:7;spc.alerts.v1:0:3`. The position of every `event` frame is a whole resume point. Treat it
 * as opaque except where {@link ../core/positions} says why not.
 */
export type Position = string;

export interface ConnectedFrame {
  type: 'connected';
  session: string;
  user: { id: string; name?: string; roles?: string[] };
  /** Channels joined on connect for the caller's roles. */
  channels: string[];
  /** The server's ping interval, seconds. */
  heartbeat: number;
  position: Position;
}

export interface EventFrame<T = unknown> {
  type: 'event';
  /** The connection's channels the event matched (an event reaches a connection once). */
  channels: string[];
  /** The resume point right after this event; absent only on frames a polling page synthesises. */
  position?: Position;
  event: CloudEvent<T>;
}

export interface SubscribedFrame {
  type: 'subscribed';
  channel: string;
  /** True only when `since` was given and the gap was filled. */
  recovered: boolean;
  position: Position;
  ref?: Ref;
}

export interface UnsubscribedFrame {
  type: 'unsubscribed';
  channel: string;
  ref?: Ref;
}

export interface HistoryEntry<T = unknown> {
  position: Position;
  event: CloudEvent<T>;
}

export interface HistoryFrame {
  type: 'history';
  channel: string;
  position: Position;
  events: HistoryEntry[];
  ref?: Ref;
}

export interface PresenceFrame {
  type: 'presence';
  channel: string;
  clients: number;
  users: number;
  ref?: Ref;
}

export interface RefreshedFrame {
  type: 'refreshed';
  expires?: string;
  ref?: Ref;
}

export interface PongFrame {
  type: 'pong';
  ref?: Ref;
}

export type ErrorCode =
  | 'BAD_FRAME'
  | 'UNKNOWN_TYPE'
  | 'BAD_REQUEST'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'NOT_SUBSCRIBED'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'TOKEN_INVALID'
  | 'RATE_LIMITED'
  | 'NO_PRESENCE';

export interface ErrorFrame {
  type: 'error';
  code: ErrorCode | string;
  message: string;
  ref?: Ref;
}

export type ServerFrame =
  | ConnectedFrame
  | EventFrame
  | SubscribedFrame
  | UnsubscribedFrame
  | HistoryFrame
  | PresenceFrame
  | RefreshedFrame
  | PongFrame
  | ErrorFrame;

export type ClientFrame =
  | { type: 'subscribe'; channel: string; since?: Position; ref?: Ref }
  | { type: 'unsubscribe'; channel: string; ref?: Ref }
  | { type: 'history'; channel: string; limit?: number; ref?: Ref }
  | { type: 'presence'; channel: string; ref?: Ref }
  | { type: 'refresh'; token: string; ref?: Ref }
  | { type: 'ping'; ref?: Ref };

/** The SSE stream's named `subscribed` event: one for all the stream's channels. */
export interface SseSubscribed {
  channels: string[];
  recovered: boolean;
  position: Position;
}

/** `GET /api/notifications/events` answer. */
export interface EventsPage {
  channel: string;
  recovered: boolean;
  position: Position;
  events: HistoryEntry[];
}

/** `presence` answer, over the socket or `GET /api/notifications/presence`. */
export interface Presence {
  channel: string;
  clients: number;
  users: number;
}

/** Channel errors that mean "this channel will not work on this connection": the engine stops asking for it. */
export const CHANNEL_REFUSALS: ReadonlySet<string> = new Set(['UNKNOWN_CHANNEL', 'FORBIDDEN', 'TOO_MANY_SUBSCRIPTIONS']);

/** Parses a text frame; undefined for anything that is not an object with a string `type`. */
export function parseServerFrame(text: string): ServerFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') {
    return undefined;
  }
  return value as ServerFrame;
}
