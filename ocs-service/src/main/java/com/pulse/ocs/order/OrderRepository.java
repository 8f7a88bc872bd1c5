package com.pulse.ocs.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in the service's own PostgreSQL database, with plain SQL. */
@Repository
class OrderRepository {

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Order order) {
    jdbc.sql("""
            insert into ocs_order (id, patient_id, doctor_id, job_role, order_code, priority, notes, status,
                                   worker_id, result, cancel_reason, version, created_at, accepted_at, started_at,
                                   completed_at, cancelled_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(order.id(), order.patientId(), order.doctorId(), order.jobRole().name(), order.orderCode(),
            order.priority().name(), order.notes(), order.status().name(), order.workerId(), order.result(),
            order.cancelReason(), order.version(), timestamp(order.createdAt()), timestamp(order.acceptedAt()),
            timestamp(order.startedAt()), timestamp(order.completedAt()), timestamp(order.cancelledAt()))
        .update();
  }

  Optional<Order> find(UUID id) {
    return jdbc.sql("select * from ocs_order where id = ?").param(id).query(OrderRepository::map).optional();
  }

  static Order map(ResultSet r, int row) throws SQLException {
    return new Order(r.getObject("id", UUID.class), r.getString("patient_id"), r.getString("doctor_id"),
        JobRole.valueOf(r.getString("job_role")), r.getString("order_code"),
        Priority.valueOf(r.getString("priority")), r.getString("notes"),
        OrderStatus.valueOf(r.getString("status")), r.getString("worker_id"), r.getString("result"),
        r.getString("cancel_reason"), r.getLong("version"), instant(r, "created_at"), instant(r, "accepted_at"),
        instant(r, "started_at"), instant(r, "completed_at"), instant(r, "cancelled_at"));
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp value = r.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
