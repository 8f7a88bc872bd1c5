package com.pulse.spc.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code spc_alert}, read with its product's code and name. */
@Repository
class AlertRepository {

  static final String SELECT = """
      select a.*, p.code as product_code, p.name as product_name
      from spc_alert a join spc_product p on p.id = a.product_id""";

  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a new alert is made of. */
  record NewAlert(long productId, AlertType type, Integer test, boolean manual, int priority, String title,
      String message, Integer limitVersion, Long subgroupNumber, String createdBy) {}

  /**
   * Inserts an alert, or — for an automatic one whose product, type and test already have an OPEN alert — counts a
   * repeat on that one. The partial unique index decides, so two raisers can never both open one.
   *
   * @return the alert, and whether it is new
   */
  Raised raise(NewAlert alert, Instant now) {
    String conflict = alert.manual() ? "" : """
         on conflict (product_id, alert_type, coalesce(test, 0)) where status = 'OPEN' and not manual
         do update set repeat_count = spc_alert.repeat_count + 1, last_seen_at = excluded.last_seen_at""";
    // the alert as stored, read with its product's code and name in the same statement
    return jdbc.sql("with raised as (insert into spc_alert (product_id, alert_type, test, manual, priority, title, "
        + "message, status, limit_version, subgroup_number, created_at, created_by, last_seen_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)" + conflict + " returning *, (xmax = 0) as fresh) "
        + "select a.*, p.code as product_code, p.name as product_name "
        + "from raised a join spc_product p on p.id = a.product_id")
        .params(alert.productId(), alert.type().name(), alert.test(), alert.manual(), alert.priority(),
            alert.title(), alert.message(), alert.limitVersion(), alert.subgroupNumber(), Timestamp.from(now),
            alert.createdBy(), Timestamp.from(now))
        .query((row, i) -> new Raised(map(row, i), row.getBoolean("fresh"))).single();
  }

  /** Repeats of OPEN alerts seen by one command, by alert id: counted in one statement. */
  void countRepeats(Map<Long, Integer> repeats, Instant now) {
    jdbc.sql("update spc_alert a set repeat_count = a.repeat_count + r.repeats, last_seen_at = ? "
        + "from unnest(cast(? as bigint[]), cast(? as int[])) as r(id, repeats) where a.id = r.id")
        .params(Timestamp.from(now), repeats.keySet().stream().mapToLong(Long::longValue).toArray(),
            repeats.values().stream().mapToInt(Integer::intValue).toArray())
        .update();
  }

  record Raised(Alert alert, boolean fresh) {}

  Optional<Alert> find(long id) {
    return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AlertRepository::map).optional();
  }

  /** The alert's row locked until the transaction ends. */
  Optional<Long> lock(long id) {
    return jdbc.sql("select id from spc_alert where id = ? for update").param(id).query(Long.class).optional();
  }

  Optional<Long> productOf(long id) {
    return jdbc.sql("select product_id from spc_alert where id = ?").param(id).query(Long.class).optional();
  }

  void acknowledge(long id, String by, Instant now) {
    jdbc.sql("update spc_alert set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ? where id = ?")
        .params(Timestamp.from(now), by, id).update();
  }

  void resolve(long id, String by, String cause, String action, Instant now) {
    jdbc.sql("update spc_alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, cause = ?, action = ? "
        + "where id = ?").params(Timestamp.from(now), by, cause, action, id).update();
  }

  List<Alert> page(AlertQuery query) {
    List<Object> params = new ArrayList<>();
    String where = query.where(params);
    params.add(query.size());
    params.add((long) query.page() * query.size());
    return jdbc.sql(SELECT + where + " order by a.created_at desc, a.id desc limit ? offset ?").params(params)
        .query(AlertRepository::map).list();
  }

  long count(AlertQuery query) {
    List<Object> params = new ArrayList<>();
    String where = query.where(params);
    return jdbc.sql("select count(*) from spc_alert a" + where).params(params).query(Long.class).single();
  }

  static Alert map(ResultSet row, int index) throws SQLException {
    return new Alert(row.getLong("id"), row.getLong("product_id"), row.getString("product_code"),
        row.getString("product_name"), AlertType.valueOf(row.getString("alert_type")),
        (Integer) row.getObject("test"), row.getInt("priority"), row.getString("title"), row.getString("message"),
        AlertStatus.valueOf(row.getString("status")), row.getBoolean("manual"), row.getInt("repeat_count"),
        (Integer) row.getObject("limit_version"), (Long) row.getObject("subgroup_number"),
        instant(row, "created_at"), row.getString("created_by"), instant(row, "last_seen_at"),
        instant(row, "acknowledged_at"), row.getString("acknowledged_by"), instant(row, "resolved_at"),
        row.getString("resolved_by"), row.getString("cause"), row.getString("action"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp time = row.getTimestamp(column);
    return time == null ? null : time.toInstant();
  }
}
