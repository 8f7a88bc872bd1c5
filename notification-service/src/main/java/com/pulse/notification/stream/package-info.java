/**
 * The Kafka intake. {@link com.pulse.notification.stream.EventStream} reads every partition of every Pulse topic on
 * one thread, without a consumer group, and hands each record to the
 * {@link com.pulse.notification.stream.StreamListener}s as a {@link com.pulse.notification.stream.StreamEvent}: the raw
 * CloudEvent bytes, their {@link com.pulse.notification.stream.Position} (topic, partition, offset) and the few
 * attributes routing needs, parsed once. A {@link com.pulse.notification.stream.StreamPosition} (per partition, the last
 * offset accounted for) is what clients resume from, on any instance.
 */
package com.pulse.notification.stream;
