package com.pulse.ocs.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order: immutable; every change makes the next version.
 *
 * @param doctorId user id of the doctor who created it
 * @param workerId user id of the worker who accepted it
 * @param version starts at 1 and grows by one per change; also the sequence of the order's events
 */
record Order(
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

  static Order request(String patientId, String doctorId, JobRole jobRole, String orderCode, Priority priority,
      String notes, Instant now) {
    return new Order(UUID.randomUUID(), patientId, doctorId, jobRole, orderCode,
        priority == null ? Priority.ROUTINE : priority, notes, OrderStatus.REQUESTED, null, null, null, 1, now, null,
        null, null, null);
  }
}
