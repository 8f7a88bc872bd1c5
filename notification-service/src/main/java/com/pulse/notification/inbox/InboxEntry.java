package com.pulse.notification.inbox;

import com.pulse.events.Priority;
import java.time.Instant;
import java.util.List;

/**
 * One event as the inbox stores it: once, with every channel it was routed to.
 *
 * @param position {@code <topic>:<partition>:<offset>}, as the live stream gives it
 * @param json the CloudEvent exactly as Kafka held it
 */
record InboxEntry(String eventId, String type, String subject, List<String> channels, Priority priority,
    String title, String summary, Instant occurredAt, String position, String json) {}
