package com.pulse.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** A committed outbox row that Kafka has not acknowledged yet. */
record PendingEvent(
    long id,
    UUID eventId,
    String topic,
    String key,
    String type,
    long sequence,
    byte[] payload,
    String traceparent,
    Instant createdAt) {}
