/**
 * The payload of the {@code ocs.order.*} events as Java types: {@link com.pulse.events.ocs.OrderSnapshot} and the
 * vocabulary it is written in ({@link com.pulse.events.ocs.OrderStatus},
 * {@link com.pulse.events.ocs.OrderPriority}, the identity contract's {@link com.pulse.identity.JobRole}).
 *
 * <p>The schema ({@code schemas/ocs.order.v1.json} and one per event type) is the contract; these types are the one
 * Java copy of it, written by ocs-service through the outbox and readable by any JVM consumer. Tests serialize them
 * and check the JSON against the schemas, so the two cannot drift apart.
 */
package com.pulse.events.ocs;
