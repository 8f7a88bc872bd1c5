package com.pulse.ocs.order;

import com.pulse.identity.JobRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
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

  /**
   * Writes the next version of an order if the stored one is still {@code expectedVersion}: of two concurrent
   * changes, the second finds the version moved on and changes nothing.
   *
   * @return whether the row was changed
   */
  boolean update(Order next, long expectedVersion) {
    return jdbc.sql("""
            update ocs_order set status = ?, worker_id = ?, result = ?, cancel_reason = ?, version = ?,
                                 accepted_at = ?, started_at = ?, completed_at = ?, cancelled_at = ?
            where id = ? and version = ?""")
        .params(next.status().name(), next.workerId(), next.result(), next.cancelReason(), next.version(),
            timestamp(next.acceptedAt()), timestamp(next.startedAt()), timestamp(next.completedAt()),
            timestamp(next.cancelledAt()), next.id(), expectedVersion)
        .update() == 1;
  }

  /** One page of the orders the caller may see that match the query, and how many match in all. */
  Page search(WorklistQuery query, OrderVisibility visibility) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, visibility, params);
    String orderBy = query.sort().stream().map(WorklistSort.Key::sql).collect(Collectors.joining(", "));
    params.put("limit", query.size());
    params.put("offset", query.offset());
    List<Long> total = new ArrayList<>(1);
    List<Order> orders = jdbc.sql("select *, count(*) over () as total_items from ocs_order where " + where
            + " order by " + orderBy + ", id limit :limit offset :offset")
        .params(params)
        .query((r, row) -> {
          if (row == 0) {
            total.add(r.getLong("total_items"));
          }
          return map(r, row);
        })
        .list();
    if (total.isEmpty()) {
      // a page past the end has no row to carry the total
      long count = query.page() == 0 ? 0
          : jdbc.sql("select count(*) from ocs_order where " + where).params(params).query(Long.class).single();
      return new Page(orders, count);
    }
    return new Page(orders, total.getFirst());
  }

  /** The filters as SQL with named parameters; only fixed SQL text, every value a parameter. */
  private static String where(WorklistQuery q, OrderVisibility visibility, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (!visibility.all()) {
      List<String> visible = new ArrayList<>();
      if (visibility.doctorId() != null) {
        visible.add("doctor_id = :visibleDoctor");
        params.put("visibleDoctor", visibility.doctorId());
      }
      if (visibility.jobRole() != null) {
        visible.add("job_role = :visibleJobRole");
        params.put("visibleJobRole", visibility.jobRole().name());
      }
      clauses.add(visible.isEmpty() ? "false" : "(" + String.join(" or ", visible) + ")");
    }
    if (q.jobRole() != null) {
      clauses.add("job_role = :jobRole");
      params.put("jobRole", q.jobRole().name());
    }
    if (!q.statuses().isEmpty()) {
      clauses.add("status in (:statuses)");
      params.put("statuses", q.statuses().stream().map(Enum::name).toList());
    }
    if (q.assigned() != null) {
      clauses.add(q.assigned() ? "worker_id is not null" : "worker_id is null");
    }
    equal(clauses, params, "worker_id", "workerId", q.workerId());
    equal(clauses, params, "doctor_id", "doctorId", q.doctorId());
    equal(clauses, params, "patient_id", "patientId", q.patientId());
    if (q.createdFrom() != null) {
      clauses.add("created_at >= :createdFrom");
      params.put("createdFrom", timestamp(q.createdFrom()));
    }
    if (q.createdTo() != null) {
      clauses.add("created_at < :createdTo");
      params.put("createdTo", timestamp(q.createdTo()));
    }
    return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
  }

  private static void equal(List<String> clauses, Map<String, Object> params, String column, String name,
      String value) {
    if (value != null) {
      clauses.add(column + " = :" + name);
      params.put(name, value);
    }
  }

  /** A page of orders and the number of all matching orders. */
  record Page(List<Order> orders, long totalItems) {}

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
