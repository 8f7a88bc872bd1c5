package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several operators recording into one product at the same moment: no subgroup overfilled, no value lost. */
@PulseIntegrationTest
class ConcurrentMeasurementTests {

  private static final int OPERATORS = 8;
  private static final int VALUES_EACH = 6;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @RepeatedTest(3)
  void concurrentValuesFillSubgroupsExactly() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = api.product(5);
    ExecutorService threads = Executors.newFixedThreadPool(OPERATORS);
    try {
      CyclicBarrier start = new CyclicBarrier(OPERATORS);
      List<Future<List<Integer>>> futures = new ArrayList<>();
      for (int operator = 0; operator < OPERATORS; operator++) {
        TestUser user = new TestUser("op.race" + operator, "Racer", List.of("OPERATOR"), null, null, null);
        double value = 10 + operator / 100.0;
        futures.add(threads.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < VALUES_EACH; i++) {
            HttpResponse<String> answer = api.post("/api/spc/products/" + id + "/measurements",
                "{\"value\":" + value + "}", user);
            statuses.add(answer.statusCode());
          }
          return statuses;
        }));
      }
      for (Future<List<Integer>> future : futures) {
        assertThat(future.get(60, TimeUnit.SECONDS)).containsOnly(201);
      }
    } finally {
      threads.shutdownNow();
    }

    int total = OPERATORS * VALUES_EACH;
    assertThat(api.measurements(id)).isEqualTo(total);
    List<Map<String, Object>> subgroups = jdbc.sql("select s.number, s.size, s.complete, count(m.id) as n, "
        + "count(distinct m.sample_number) as samples, max(m.sample_number) as top from spc_subgroup s "
        + "join spc_measurement m on m.product_id = s.product_id and m.subgroup_number = s.number "
        + "where s.product_id = ? group by s.number, s.size, s.complete order by s.number").param(id).query().listOfRows();
    assertThat(subgroups).hasSize((total + 4) / 5);
    for (int i = 0; i < subgroups.size(); i++) {
      Map<String, Object> row = subgroups.get(i);
      int expected = i < total / 5 ? 5 : total % 5;
      assertThat(((Number) row.get("size")).intValue()).as("subgroup %s", row.get("number")).isEqualTo(expected);
      assertThat(((Number) row.get("n")).intValue()).isEqualTo(expected);
      assertThat(((Number) row.get("samples")).intValue()).isEqualTo(expected);
      assertThat(((Number) row.get("top")).intValue()).isEqualTo(expected);
      assertThat(row.get("complete")).isEqualTo(expected == 5);
    }
  }
}
