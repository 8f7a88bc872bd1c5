/**
 * The transactional outbox every domain service uses to publish events.
 *
 * <p>{@link com.pulse.platform.outbox.Outbox#append} writes the event into the {@code pulse_outbox} table inside the
 * caller's transaction, so the event exists exactly when the change it describes is committed. The
 * {@link com.pulse.platform.outbox.OutboxRelay} then publishes committed rows to Kafka:
 * <ul>
 *   <li>woken by the commit itself ({@code LISTEN}/{@code NOTIFY} from a trigger), with a slow poll as a safety net;
 *   <li>one relay per database at a time (a PostgreSQL advisory lock), so two instances of a service neither
 *       reorder nor double-publish; the standby takes over when the leader's connection goes away;
 *   <li>rows in id order, Kafka key = aggregate id, so per-aggregate order holds on every partition;
 *   <li>a row is marked published only after Kafka acknowledged it ({@code acks=all}, idempotent producer); while
 *       Kafka is down the relay backs off and retries, and nothing is lost.
 * </ul>
 * Published rows are deleted after a retention period by {@link com.pulse.platform.outbox.OutboxJanitor}.
 */
package com.pulse.platform.outbox;
