package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderSnapshot;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order: immutable; every change makes the next version. Stored by Spring Data JDBC in {@code ocs_order} (one
 * column per component, named in snake case) and shown by the REST API as it is.
 *
 * @param doctorId user id of the doctor who created it
 * @param workerId user id of the worker who accepted it
 * @param version starts at 1 and grows by one per change: the order's ETag and the sequence of its events. Kept
 *     here, not by Spring Data's {@code @Version}: concurrent commands are ordered by a row lock
 *     ({@link OrderRepository#findLockedById}), so the version is the aggregate's own count of its changes.
 */
@Table("ocs_order")
record Order(
    @Id UUID id,
    String patientId,
    String doctorId,
    JobRole jobRole,
    String orderCode,
    OrderPriority priority,
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

  static Order request(String patientId, String doctorId, JobRole jobRole, String orderCode, OrderPriority priority,
      String notes, Instant now) {
    return new Order(UUID.randomUUID(), patientId, doctorId, jobRole, orderCode,
        priority == null ? OrderPriority.ROUTINE : priority, notes, OrderStatus.REQUESTED, null, null, null, 1, now,
        null, null, null, null);
  }

  /**
   * The next version of the order after {@code action}.
   *
   * @param actorId who acts: recorded as the worker when accepting
   * @param text the result when completing, the reason when cancelling; ignored otherwise
   * @throws IllegalStateException when the status does not allow the action (callers check first)
   */
  Order apply(OrderAction action, String actorId, String text, Instant now) {
    if (!action.allowedIn(status)) {
      throw new IllegalStateException("order " + id + " is " + status + ": cannot " + action.path());
    }
    return switch (action) {
      case ACCEPT -> next(OrderStatus.ACCEPTED, actorId, result, cancelReason, now, startedAt, completedAt,
          cancelledAt);
      case START -> next(OrderStatus.IN_PROGRESS, workerId, result, cancelReason, acceptedAt, now, completedAt,
          cancelledAt);
      case COMPLETE -> next(OrderStatus.COMPLETED, workerId, text, cancelReason, acceptedAt, startedAt, now,
          cancelledAt);
      case CANCEL -> next(OrderStatus.CANCELLED, workerId, result, text, acceptedAt, startedAt, completedAt, now);
    };
  }

  /**
   * What the event announcing this version carries (schema {@code ocs.order:v1}).
   *
   * @param previousStatus the status before the change; {@code null} for a new order
   */
  OrderSnapshot snapshot(OrderStatus previousStatus) {
    return new OrderSnapshot(id, patientId, doctorId, jobRole, orderCode, priority, notes, status, previousStatus,
        workerId, result, cancelReason, version, createdAt, acceptedAt, startedAt, completedAt, cancelledAt);
  }

  private Order next(OrderStatus status, String workerId, String result, String cancelReason, Instant acceptedAt,
      Instant startedAt, Instant completedAt, Instant cancelledAt) {
    return new Order(id, patientId, doctorId, jobRole, orderCode, priority, notes, status, workerId, result,
        cancelReason, version + 1, createdAt, acceptedAt, startedAt, completedAt, cancelledAt);
  }
}
