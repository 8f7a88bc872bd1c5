package com.pulse.spc.chart;

import com.pulse.spc.statistics.Subgroup;
import com.pulse.spc.statistics.Violation;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  /** A subgroup as recording reads it: its number, whether it is complete, and its mean when it is. */
  record Tail(long number, boolean complete, Double mean) {}

  /**
   * The last {@code count} subgroups, oldest first: the one being filled (only the highest can be incomplete) and the
   * complete ones before it — what judging the next points reads.
   */
  List<Tail> tail(long productId, int count) {
    List<Tail> tail = new ArrayList<>(jdbc.sql("select number, complete, mean from spc_subgroup where product_id = ? "
        + "order by number desc limit ?").params(productId, count)
        .query((row, i) -> new Tail(row.getLong(1), row.getBoolean(2), (Double) row.getObject(3))).list());
    java.util.Collections.reverse(tail);
    return tail;
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

  /** A subgroup's state after a command's values: written once per subgroup, whatever the number of values. */
  record Row(long number, int size, boolean complete, Double mean, Double dispersion, Integer limitVersion,
      Boolean withinControl, List<Violation> violations, Instant completedAt) {}

  /** A value to insert. */
  record NewMeasurement(long subgroup, int sample, double value, boolean withinSpec, Instant measuredAt) {}

  /** Inserts new subgroups and updates those that were being filled, all in one statement. */
  void upsert(long productId, Collection<Row> rows) {
    int size = rows.size();
    long[] numbers = new long[size];
    int[] sizes = new int[size];
    boolean[] complete = new boolean[size];
    Double[] means = new Double[size];
    Double[] dispersions = new Double[size];
    Integer[] versions = new Integer[size];
    Boolean[] withinControl = new Boolean[size];
    String[] violations = new String[size];
    String[] completedAt = new String[size];
    int i = 0;
    for (Row row : rows) {
      numbers[i] = row.number();
      sizes[i] = row.size();
      complete[i] = row.complete();
      means[i] = row.mean();
      dispersions[i] = row.dispersion();
      versions[i] = row.limitVersion();
      withinControl[i] = row.withinControl();
      violations[i] = JSON.writeValueAsString(row.violations());
      completedAt[i] = row.completedAt() == null ? null : timestamp(row.completedAt());
      i++;
    }
    jdbc.sql("""
        insert into spc_subgroup (product_id, number, size, complete, mean, dispersion, limit_version, within_control,
            violations, completed_at)
        select ?, s.* from unnest(cast(? as bigint[]), cast(? as int[]), cast(? as boolean[]),
            cast(? as double precision[]), cast(? as double precision[]), cast(? as int[]), cast(? as boolean[]),
            cast(? as text[]), cast(? as timestamptz[])) as s
        on conflict (product_id, number) do update set size = excluded.size, complete = excluded.complete,
            mean = excluded.mean, dispersion = excluded.dispersion, limit_version = excluded.limit_version,
            within_control = excluded.within_control, violations = excluded.violations,
            completed_at = excluded.completed_at""")
        .params(productId, numbers, sizes, complete, means, dispersions, versions, withinControl, violations,
            completedAt).update();
  }

  /**
   * Inserts values in one statement, in the list's order (ids ascend with it).
   *
   * @return their ids, in the list's order
   */
  long[] insert(long productId, List<NewMeasurement> values, Instant now, String by) {
    int size = values.size();
    long[] subgroups = new long[size];
    int[] samples = new int[size];
    double[] numbers = new double[size];
    boolean[] withinSpec = new boolean[size];
    String[] measuredAt = new String[size];
    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < size; i++) {
      NewMeasurement value = values.get(i);
      subgroups[i] = value.subgroup();
      samples[i] = value.sample();
      numbers[i] = value.value();
      withinSpec[i] = value.withinSpec();
      measuredAt[i] = timestamp(value.measuredAt());
      position.put(place(value.subgroup(), value.sample()), i);
    }
    long[] ids = new long[size];
    jdbc.sql("""
        insert into spc_measurement (product_id, subgroup_number, sample_number, value, within_spec, measured_at,
            recorded_at, recorded_by)
        select ?, m.subgroup_number, m.sample_number, m.value, m.within_spec, m.measured_at, ?, ?
        from unnest(cast(? as bigint[]), cast(? as int[]), cast(? as double precision[]), cast(? as boolean[]),
            cast(? as timestamptz[])) with ordinality
            as m(subgroup_number, sample_number, value, within_spec, measured_at, position)
        order by m.position
        returning id, subgroup_number, sample_number""")
        .params(productId, Timestamp.from(now), by, subgroups, samples, numbers, withinSpec, measuredAt)
        .query((row, i) -> ids[position.get(place(row.getLong(2), row.getInt(3)))] = row.getLong(1)).list();
    return ids;
  }

  /**
   * An instant as PostgreSQL reads a timestamptz, for the arrays above: UTC, to the microsecond, years 0001–9999
   * ({@link Measurements#check}); not {@link Instant#toString}, whose ISO year is not the calendar PostgreSQL reads.
   */
  static String timestamp(Instant instant) {
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%06d+00", utc.getYear(), utc.getMonthValue(),
        utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano() / 1000);
  }

  /** A value's place in its product's chart, as one number (at most 25 samples per subgroup). */
  private static long place(long subgroup, int sample) {
    return subgroup * 32 + sample;
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
