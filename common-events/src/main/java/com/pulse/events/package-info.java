/**
 * The Pulse event contract, shared by every producer and consumer: CloudEvents 1.0 envelope
 * ({@link com.pulse.events.PulseEvents}), the catalogue of event types and topics
 * ({@link com.pulse.events.EventType}), Kafka header names ({@link com.pulse.events.EventHeaders}) and a JSON
 * Schema per event type under {@code schemas/} on the classpath.
 *
 * <p>Deliberately free of Spring and JPA: outside consumers can depend on it, or on the schemas alone.
 */
package com.pulse.events;
