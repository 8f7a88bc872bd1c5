/**
 * The {@code /ws} endpoint and its protocol (README, "Protocol"): a {@link com.pulse.notification.socket.Connection}
 * per socket with a bounded send queue, server frames ({@code connected}, {@code subscribed}, {@code event},
 * {@code history}, {@code pong}, {@code error}...), client commands by frame {@code type} ({@code subscribe},
 * {@code unsubscribe}, {@code history}, {@code refresh}, {@code ping}), one shared heartbeat, token expiry,
 * connection and rate limits, and close codes (PROTOCOL.md). {@code /ws/ocs} serves the seed's OCS dialect
 * ({@link com.pulse.notification.socket.OcsDialect}) over the same lifecycle
 * ({@link com.pulse.notification.socket.SocketSessions}).
 */
package com.pulse.notification.socket;
