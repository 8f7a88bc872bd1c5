package com.pulse.spc.chart;

import com.pulse.spc.statistics.Subgroup;
import com.pulse.spc.statistics.Violation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code spc_subgroup} and {@code spc_measurement}: the points of a product's chart and the values behind them. */
@Repository
class SubgroupStore {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  SubgroupStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored point: the subgroup's statistics and judgement. */
  record Point(long number, int size, boolean complete, Double mean, Double dispersion, Integer limitVersion,
      Boolean withinControl, List<Violation> violations, Instant completedAt) {}

  /** The subgroup with the highest number, if any. */
  Optional<Point> last(long productId) {
    return jdbc.sql("select * from spc_subgroup where product_id = ? order by number desc limit 1").param(productId)
        .query(SubgroupStore::point).optional();
  }

  /** The means of the last {@code count} complete subgroups, oldest first: what judging the next point reads. */
  List<Double> recentMeans(long productId, int count) {
    List<Double> means = new ArrayList<>(jdbc.sql("select mean from spc_subgroup where product_id = ? and complete "
        + "order by number desc limit ?").params(productId, count).query(Double.class).list());
    java.util.Collections.reverse(means);
    return means;
  }

  /** The last {@code count} subgroups, complete or not, oldest first. */
  List<Point> lastPoints(long productId, int count) {
    List<Point> points = new ArrayList<>(jdbc.sql("select * from spc_subgroup where product_id = ? "
        + "order by number desc limit ?").params(productId, count).query(SubgroupStore::point).list());
    java.util.Collections.reverse(points);
    return points;
  }

  /** Numbers of the first {@code count} complete subgroups. */
  List<Long> firstComplete(long productId, int count) {
    return jdbc.sql("select number from spc_subgroup where product_id = ? and complete order by number limit ?")
        .params(productId, count).query(Long.class).list();
  }

  /** The values of one subgroup by sample number. */
  Map<Integer, Double> values(long productId, long number) {
    Map<Integer, Double> values = new LinkedHashMap<>();
    jdbc.sql("select sample_number, value from spc_measurement where product_id = ? and subgroup_number = ? "
        + "order by sample_number").params(productId, number)
        .query((row, i) -> values.put(row.getInt(1), row.getDouble(2))).list();
    return values;
  }

  /** The complete subgroups numbered {@code from}..{@code to} with their values, in order. */
  List<Subgroup> completeBetween(long productId, long from, long to) {
    Map<Long, List<Double>> byNumber = new LinkedHashMap<>();
    jdbc.sql("""
        select m.subgroup_number, m.value from spc_measurement m
        join spc_subgroup s on s.product_id = m.product_id and s.number = m.subgroup_number
        where m.product_id = ? and s.complete and m.subgroup_number between ? and ?
        order by m.subgroup_number, m.sample_number""").params(productId, from, to)
        .query((row, i) -> byNumber.computeIfAbsent(row.getLong(1), n -> new ArrayList<>()).add(row.getDouble(2)))
        .list();
    List<Subgroup> subgroups = new ArrayList<>(byNumber.size());
    byNumber.forEach((number, values) -> subgroups.add(new Subgroup(number, values)));
    return subgroups;
  }

  /** The lowest and highest number of the complete subgroups, or empty when none is. */
  Optional<long[]> completeRange(long productId) {
    return jdbc.sql("select min(number), max(number) from spc_subgroup where product_id = ? and complete")
        .param(productId).query((row, i) -> row.getObject(1) == null ? null : new long[] {row.getLong(1),
            row.getLong(2)}).optional();
  }

  void openSubgroup(long productId, long number) {
    jdbc.sql("insert into spc_subgroup (product_id, number, size, complete) values (?, ?, 0, false)")
        .params(productId, number).update();
  }

  long insertMeasurement(long productId, long subgroup, int sample, double value, boolean withinSpec,
      Instant measuredAt, Instant now, String by) {
    jdbc.sql("update spc_subgroup set size = size + 1 where product_id = ? and number = ?")
        .params(productId, subgroup).update();
    return jdbc.sql("""
        insert into spc_measurement (product_id, subgroup_number, sample_number, value, within_spec, measured_at,
            recorded_at, recorded_by)
        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(productId, subgroup, sample, value, withinSpec, Timestamp.from(measuredAt), Timestamp.from(now), by)
        .query(Long.class).single();
  }

  void complete(long productId, long number, double mean, Double dispersion, Integer limitVersion,
      Boolean withinControl, List<Violation> violations, Instant now) {
    jdbc.sql("""
        update spc_subgroup set complete = true, mean = ?, dispersion = ?, limit_version = ?, within_control = ?,
            violations = ?, completed_at = ?
        where product_id = ? and number = ?""")
        .params(mean, dispersion, limitVersion, withinControl, JSON.writeValueAsString(violations),
            Timestamp.from(now), productId, number).update();
  }

  private static Point point(java.sql.ResultSet row, int index) throws java.sql.SQLException {
    Timestamp completed = row.getTimestamp("completed_at");
    return new Point(row.getLong("number"), row.getInt("size"), row.getBoolean("complete"),
        (Double) row.getObject("mean"), (Double) row.getObject("dispersion"),
        (Integer) row.getObject("limit_version"), (Boolean) row.getObject("within_control"),
        JSON.readValue(row.getString("violations"), new TypeReference<List<Violation>>() {}),
        completed == null ? null : completed.toInstant());
  }
}
