package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A batch of 1,000 values persists exactly what recording them one by one would: every value in its place, every
 * subgroup's point with its statistics and judgement, the default baseline frozen inside the batch, one alert per
 * product, type and test with the repeats counted, and one event per change numbered without gaps in the order the
 * changes happened.
 */
@PulseIntegrationTest
class BatchIngestTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** Around 10 (σ 0.05); from {@code shiftFrom} on shifted by 0.1 (4.5 σ of a mean of five); every 97th 10.7. */
  static List<Double> drifting(int count, int shiftFrom, long seed) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double value = 10 + random.nextGaussian() * 0.05 + (i >= shiftFrom ? 0.1 : 0);
      values.add(i % 97 == 96 ? 10.7 : Math.round(value * 1000) / 1000.0);
    }
    return values;
  }

  @Test
  void aBatchOf1000ValuesPersistsEveryValueSubgroupPointAlertAndEvent() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(5);
    List<Double> values = drifting(1000, 600, 7);

    JsonNode items = api.batch(id, values);

    assertThat(items).hasSize(1000);
    List<Map<String, Object>> stored = jdbc.sql("select id, subgroup_number, sample_number, value, within_spec "
        + "from spc_measurement where product_id = ? order by id").param(id).query().listOfRows();
    assertThat(stored).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      JsonNode item = items.get(i);
      Map<String, Object> row = stored.get(i);
      assertThat(item.path("id").asLong()).isEqualTo(((Number) row.get("id")).longValue());
      assertThat(item.path("subgroupNumber").asLong()).isEqualTo(i / 5 + 1).isEqualTo(row.get("subgroup_number"));
      assertThat(item.path("sampleNumber").asInt()).isEqualTo(i % 5 + 1).isEqualTo(row.get("sample_number"));
      assertThat(row.get("value")).isEqualTo(values.get(i));
      assertThat(item.path("withinSpec").asBoolean()).isEqualTo(values.get(i) <= 10.5).isEqualTo(row.get("within_spec"));
      assertThat(item.path("subgroupComplete").asBoolean()).isEqualTo(i % 5 == 4);
    }

    List<Map<String, Object>> points = jdbc.sql("select number, size, complete, mean, dispersion, limit_version, "
        + "within_control, violations from spc_subgroup where product_id = ? order by number").param(id).query()
        .listOfRows();
    assertThat(points).hasSize(200);
    for (int s = 0; s < 200; s++) {
      Map<String, Object> point = points.get(s);
      List<Double> five = values.subList(s * 5, s * 5 + 5);
      JsonNode completing = items.get(s * 5 + 4);
      assertThat(point.get("number")).isEqualTo(s + 1L);
      assertThat(point.get("size")).isEqualTo(5);
      assertThat(point.get("complete")).isEqualTo(true);
      assertThat((Double) point.get("mean")).isCloseTo(five.stream().mapToDouble(v -> v).average().orElseThrow(),
          within(1e-12));
      assertThat((Double) point.get("dispersion")).isCloseTo(
          five.stream().mapToDouble(v -> v).max().orElseThrow() - five.stream().mapToDouble(v -> v).min().orElseThrow(),
          within(1e-12));
      // the baseline (subgroups 1–25) is frozen when the 25th completes: the points after it are judged against it
      assertThat(point.get("limit_version")).isEqualTo(s < 25 ? null : 1);
      assertThat(point.get("within_control") == null).isEqualTo(s < 25);
      assertThat(completing.path("withinControl").isNull()).isEqualTo(s < 25);
      if (s >= 25) {
        assertThat(point.get("within_control")).isEqualTo(completing.path("withinControl").asBoolean());
      }
      assertThat(SpcClient.JSON.readTree((String) point.get("violations"))).isEqualTo(completing.path("violations"));
    }
    assertThat(jdbc.sql("select count(*) from spc_limit_set where product_id = ? and version = 1 and from_subgroup = 1 "
        + "and to_subgroup = 25 and automatic").param(id).query(Long.class).single()).isEqualTo(1);

    Map<String, Integer> raised = new HashMap<>();
    for (JsonNode item : items) {
      if (!item.path("withinSpec").asBoolean()) {
        raised.merge("OUT_OF_SPEC/0", 1, Integer::sum);
      }
      for (JsonNode violation : item.path("violations")) {
        int test = violation.path("test").asInt();
        raised.merge((test == 1 ? "OUT_OF_CONTROL/" : "RUN_RULE_VIOLATION/") + test, 1, Integer::sum);
      }
    }
    assertThat(raised).containsKeys("OUT_OF_SPEC/0", "OUT_OF_CONTROL/1");
    Map<String, Integer> counted = new HashMap<>();
    jdbc.sql("select alert_type, coalesce(test, 0) as test, repeat_count from spc_alert where product_id = ?")
        .param(id).query((row, n) -> counted.put(row.getString(1) + "/" + row.getInt(2), 1 + row.getInt(3))).list();
    assertThat(counted).isEqualTo(raised);

    List<Map<String, Object>> events = jdbc.sql("select event_type, sequence from pulse_outbox where message_key = ? "
        + "order by id").param(Long.toString(id)).query().listOfRows();
    assertThat(events).hasSize(1000 + 1 + counted.size());
    assertThat(events).extracting(e -> ((Number) e.get("sequence")).longValue())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size()).mapToObj(n -> (long) n).toList());
    assertThat(events).filteredOn(e -> e.get("event_type").equals("spc.measurement.recorded")).hasSize(1000);
    assertThat(events).filteredOn(e -> e.get("event_type").equals("spc.alert.raised")).hasSize(counted.size());
    // the limit set's event follows the 125th value's, which completed the baseline's last subgroup
    int frozen = events.indexOf(events.stream().filter(e -> e.get("event_type").equals("spc.limits.frozen"))
        .findFirst().orElseThrow());
    assertThat(events.subList(0, frozen)).filteredOn(e -> e.get("event_type").equals("spc.measurement.recorded"))
        .hasSize(125);
    assertThat(jdbc.sql("select event_sequence from spc_product where id = ?").param(id).query(Long.class).single())
        .isEqualTo(events.size());
  }

  @Test
  void measuredAtIsStoredToTheMicrosecondFromYear1To9999() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(1);
    // 1500: before the Gregorian reform, where java.util.Date's calendar and PostgreSQL's differ
    List<String> times = List.of("2026-11-22T09:00:00.123456Z", "1999-12-31T23:59:59.999999Z", "1500-06-01T00:00:00Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z");
    String body = times.stream().map(t -> "{\"value\":10,\"measuredAt\":\"" + t + "\"}")
        .collect(java.util.stream.Collectors.joining(",", "{\"measurements\":[", "]}"));
    assertThat(api.post("/api/spc/products/" + id + "/measurements/batch", body, TestUser.OP_HAN).statusCode())
        .isEqualTo(201);

    // seconds since the epoch as PostgreSQL counts them (proleptic Gregorian, as Instant does), exactly
    List<BigDecimal> stored = jdbc.sql("select extract(epoch from measured_at) from spc_measurement "
        + "where product_id = ? order by id").param(id).query(BigDecimal.class).list();
    assertThat(stored).hasSize(times.size());
    for (int i = 0; i < times.size(); i++) {
      Instant expected = Instant.parse(times.get(i));
      assertThat(stored.get(i)).as(times.get(i)).isEqualByComparingTo(
          BigDecimal.valueOf(expected.getEpochSecond()).add(BigDecimal.valueOf(expected.getNano(), 9)));
    }
  }

  @Test
  void oneBatchJudgesAndStoresExactlyWhatTheSameValuesInPiecesDo() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long whole = api.product(3);
    long pieces = api.product(3);
    List<Double> values = drifting(330, 200, 11);

    api.batch(whole, values);
    int[] sizes = {1, 7, 13, 1, 29, 2};
    for (int from = 0, piece = 0; from < values.size(); piece++) {
      int to = Math.min(values.size(), from + sizes[piece % sizes.length]);
      if (to - from == 1) {
        api.measure(pieces, values.get(from));
      } else {
        api.batch(pieces, values.subList(from, to));
      }
      from = to;
    }

    assertThat(api.measurements(pieces)).isEqualTo(330);
    String subgroups = "select number, size, complete, mean, dispersion, limit_version, within_control, violations "
        + "from spc_subgroup where product_id = ? order by number";
    List<Map<String, Object>> expected = jdbc.sql(subgroups).param(pieces).query().listOfRows();
    assertThat(expected).hasSize(110);
    assertThat(jdbc.sql(subgroups).param(whole).query().listOfRows()).isEqualTo(expected);
    String measurements = "select subgroup_number, sample_number, value, within_spec from spc_measurement "
        + "where product_id = ? order by id";
    assertThat(jdbc.sql(measurements).param(whole).query().listOfRows())
        .isEqualTo(jdbc.sql(measurements).param(pieces).query().listOfRows());
    String alerts = "select alert_type, test, repeat_count, limit_version, subgroup_number, message "
        + "from spc_alert where product_id = ? order by id";
    List<Map<String, Object>> expectedAlerts = jdbc.sql(alerts).param(pieces).query().listOfRows();
    assertThat(expectedAlerts).extracting(a -> a.get("alert_type"))
        .contains("OUT_OF_SPEC", "OUT_OF_CONTROL", "RUN_RULE_VIOLATION");
    assertThat(jdbc.sql(alerts).param(whole).query().listOfRows()).isEqualTo(expectedAlerts);
    String events = "select event_type, sequence from pulse_outbox where message_key = ? order by id";
    assertThat(jdbc.sql(events).param(Long.toString(whole)).query().listOfRows())
        .isEqualTo(jdbc.sql(events).param(Long.toString(pieces)).query().listOfRows());
  }
}
