package com.pulse.ocs.order;

import com.pulse.identity.JobRole;
import java.time.Instant;
import java.util.UUID;

/** An order as the REST API shows it. */
record OrderResponse(
    UUID id,
    String patientId,
    String doctorId,
    JobRole jobRole,
    String orderCode,
    Priority priority,
    String notes,
    OrderStatus status,
    String workerId,
    String result,
    String cancelReason,
    long version,
    Instant createdAt,
    Instant acceptedAt,
    Instant startedAt,
    Instant completedAt,
    Instant cancelledAt) {

  static OrderResponse of(Order o) {
    return new OrderResponse(o.id(), o.patientId(), o.doctorId(), o.jobRole(), o.orderCode(), o.priority(),
        o.notes(), o.status(), o.workerId(), o.result(), o.cancelReason(), o.version(), o.createdAt(),
        o.acceptedAt(), o.startedAt(), o.completedAt(), o.cancelledAt());
  }
}
