/**
 * `@pulse/client`: Pulse's realtime client and REST calls, for browsers and Node 20+. No framework dependency; the
 * React adapter is `@pulse/client/react`.
 */
export { PulseClient } from './client.js';
export type { PulseClientOptions } from './options.js';
export type { ChannelHandlers, EventContext } from './core/listeners.js';
export { PulseError } from './core/errors.js';
export type { ConnectionState, ConnectionStatus, TabRole, TransportKind } from './core/state.js';
export type { GetToken, TokenReason } from './core/token.js';
export { readJwtClaims } from './core/token.js';
export { DEFAULT_BACKOFF, decideReconnect, fullJitter } from './core/backoff.js';
export type { BackoffOptions, CloseInfo, ReconnectDecision } from './core/backoff.js';
export { oldestPosition } from './core/positions.js';
export { CloseCode, retryAfterFromHeader, retryAfterFromReason } from './protocol/close-codes.js';
export type * from './protocol/frames.js';
export type { NetworkMonitor } from './engine/network.js';
export type { PulsePaths } from './engine/transport.js';
export type { BroadcastChannelLike, LockManagerLike, TabsOptions } from './tabs/environment.js';
export type { WebSocketConstructor, WebSocketLike } from './transports/websocket-like.js';
export { GatewaySession } from './auth/gateway-session.js';
export type { TokenResponse } from './auth/gateway-session.js';
export * from './rest/index.js';
