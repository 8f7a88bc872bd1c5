/**
 * notification-service: turns the domain services' Kafka events into live updates.
 *
 * <ul>
 *   <li>{@code stream} — the Kafka intake: every partition of every Pulse topic, no consumer group, one poll thread,
 *       rewinding over the history window at startup; each record is kept as raw bytes with its position and the few
 *       attributes routing needs.
 *   <li>{@code channel} — audiences: routing rules (event → channels), who joins which channel, the registry of
 *       channel members, the recovery history and the dispatcher that hands each event once to each matching
 *       member.
 *   <li>{@code socket} — the {@code /ws} endpoint: connections with bounded send queues, protocol frames and
 *       commands, heartbeats, token expiry, connection and rate limits.
 *   <li>{@code fallback} — {@code /sse} and {@code GET /api/notifications/events} over the same channels.
 *   <li>{@code metrics} — the service's Micrometer meters.
 *   <li>{@code config} — security (token checked during the handshake) and problem details.
 * </ul>
 */
package com.pulse.notification;
