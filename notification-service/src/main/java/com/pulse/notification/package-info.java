/**
 * notification-service: turns the domain services' Kafka events into live updates.
 *
 * <ul>
 *   <li>{@code stream} — the Kafka intake: every partition of every Pulse topic, no consumer group, one poll thread;
 *       each record is kept as raw bytes with its position and the few attributes routing needs.
 *   <li>{@code channel} — audiences: routing rules (event → channels), who joins which channel, the registry of
 *       channel members and the dispatcher that hands each event once to each matching connection.
 *   <li>{@code socket} — the {@code /ws} endpoint: connections with bounded send queues, protocol frames,
 *       heartbeats.
 *   <li>{@code metrics} — the service's Micrometer meters.
 *   <li>{@code config} — security (token checked during the handshake) and problem details.
 * </ul>
 */
package com.pulse.notification;
