package com.pulse.events.ocs;

import com.pulse.identity.JobRole;
import java.time.Instant;
import java.util.UUID;

/**
 * The data of every {@code ocs.order.*} event (schema {@code urn:pulse:schema:ocs.order:v1}): the whole order after
 * the change the event announces, and the status it left.
 *
 * @param doctorId user id of the doctor who created the order; with {@code jobRole}, what live delivery routes by
 * @param previousStatus the status before the change; {@code null} on {@code ocs.order.created}
 * @param workerId user id of the worker who accepted the order, {@code null} before
 * @param version the order's version after the change: 1 when created, one more per change; the event's sequence
 */
public record OrderSnapshot(
    UUID orderId,
    String patientId,
    String doctorId,
    JobRole jobRole,
    String orderCode,
    OrderPriority priority,
    String notes,
    OrderStatus status,
    OrderStatus previousStatus,
    String workerId,
    String result,
    String cancelReason,
    long version,
    Instant createdAt,
    Instant acceptedAt,
    Instant startedAt,
    Instant completedAt,
    Instant cancelledAt) {}
