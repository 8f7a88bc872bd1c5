package com.pulse.notification.inbox;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.pulse.events.Priority;
import java.time.Instant;
import java.util.List;

/**
 * One inbox entry as the API shows it.
 *
 * @param id the event id (CloudEvents {@code id}): the same as {@code event.id} in a live frame, so a client can mark
 *     read what it was shown live
 * @param channels the caller's channels this event was routed to (never other audiences)
 * @param event the CloudEvent as Kafka held it
 */
record Notification(String id, String type, String title, String summary, Priority priority, Instant time,
    List<String> channels, String position, boolean read, @JsonRawValue String event) {}
