package com.pulse.spc.alert;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts and mean times over the alerts an {@link AlertQuery}'s filters select (its page is ignored). */
@Component
class AlertStatistics {

  private final JdbcClient jdbc;

  AlertStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  AlertStats of(AlertQuery query) {
    Map<String, Long> byType = counts("a.alert_type", query);
    Map<String, Long> byPriority = counts("a.priority::text", query);
    Map<String, Long> byStatus = counts("a.status", query);
    List<Object> params = new ArrayList<>();
    String where = query.where(params);
    List<AlertStats.DayCount> byDay = jdbc.sql("select (a.created_at at time zone 'UTC')::date as day, count(*) as n "
        + "from spc_alert a" + where + " group by day order by day").params(params)
        .query((row, i) -> new AlertStats.DayCount(((Date) row.getObject("day")).toLocalDate(), row.getLong("n")))
        .list();
    Double[] means = jdbc.sql("select avg(extract(epoch from a.acknowledged_at - a.created_at)) as ack, "
        + "avg(extract(epoch from a.resolved_at - a.created_at)) as res from spc_alert a" + where).params(params)
        .query((row, i) -> new Double[] {number(row.getObject("ack")), number(row.getObject("res"))}).single();
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new AlertStats(total, byType, byPriority, byStatus, byDay, means[0], means[1]);
  }

  private Map<String, Long> counts(String column, AlertQuery query) {
    List<Object> params = new ArrayList<>();
    String where = query.where(params);
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select " + column + " as k, count(*) as n from spc_alert a" + where + " group by k order by k")
        .params(params).query((row, i) -> counts.put(row.getString("k"), row.getLong("n"))).list();
    return counts;
  }

  private static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
