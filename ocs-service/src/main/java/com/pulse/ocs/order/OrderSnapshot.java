package com.pulse.ocs.order;

import com.pulse.identity.JobRole;
import java.time.Instant;
import java.util.UUID;

/**
 * The payload of every {@code ocs.order.*} event: the whole order after the change, and the status it left (schema
 * ocs.order v1).
 */
record OrderSnapshot(
    UUID orderId,
    String patientId,
    String doctorId,
    JobRole jobRole,
    String orderCode,
    Priority priority,
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
    Instant cancelledAt) {

  /** @param previousStatus the status before the change; null for a new order */
  static OrderSnapshot of(Order o, OrderStatus previousStatus) {
    return new OrderSnapshot(o.id(), o.patientId(), o.doctorId(), o.jobRole(), o.orderCode(), o.priority(),
        o.notes(), o.status(), previousStatus, o.workerId(), o.result(), o.cancelReason(), o.version(), o.createdAt(),
        o.acceptedAt(), o.startedAt(), o.completedAt(), o.cancelledAt());
  }
}
