package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What recording costs in SQL statements ({@link SqlStatements} counts what the request's thread sends): a value is
 * a handful of statements, a batch of 1,000 a handful more — not a few per value. Products have their limits frozen,
 * so every point is judged (Phase II), as in production.
 */
@PulseIntegrationTest
class IngestStatementTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** A product with limits in force: its baseline of 25 subgroups recorded and frozen. */
  private long judgedProduct(SpcClient api, int subgroupSize) throws Exception {
    long id = api.product(subgroupSize);
    api.batch(id, MeasurementFlowTests.stable(25 * subgroupSize, 3));
    assertThat(jdbc.sql("select count(*) from spc_limit_set where product_id = ?").param(id).query(Long.class)
        .single()).isEqualTo(1);
    return id;
  }

  @Test
  void anIndividualIsAHandfulOfStatements() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = judgedProduct(api, 1);
    SqlStatements.start();
    api.measure(id, 10.01);
    SqlStatements.Log log = SqlStatements.stop();
    System.out.println("single value, n = 1: " + log);
    assertThat(log.count()).isLessThanOrEqualTo(7);
    assertThat(log.commits()).isEqualTo(1);
  }

  @Test
  void aValueIntoASubgroupOfFiveIsAHandfulOfStatements() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long id = judgedProduct(api, 5);
    api.batch(id, List.of(10.0, 10.02));
    SqlStatements.start();
    api.measure(id, 10.01);
    SqlStatements.Log log = SqlStatements.stop();
    System.out.println("single value, n = 5, third of its subgroup: " + log);
    assertThat(log.count()).isLessThanOrEqualTo(8);
    assertThat(log.commits()).isEqualTo(1);
  }

  @Test
  void aBatchOf1000IsAFewStatementsNotAFewPerValue() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    Map<Integer, Integer> beyondBound = new TreeMap<>();
    for (int subgroupSize : new int[] {1, 5}) {
      long id = judgedProduct(api, subgroupSize);
      SqlStatements.start();
      api.batch(id, MeasurementFlowTests.stable(1000, 5));
      SqlStatements.Log log = SqlStatements.stop();
      long alerts = api.alerts(id);
      System.out.println("batch of 1,000, n = " + subgroupSize + ", " + alerts + " alerts: " + log);
      // fixed: the lock, the chart's state (2), the subgroups, the values, the product's event sequence (2) and the
      // events; per alert (type, test) raised one statement, and one for all the repeats counted on them
      int bound = 9 + (int) alerts;
      if (log.count() > bound) {
        beyondBound.put(subgroupSize, log.count());
      }
      assertThat(log.commits()).isEqualTo(1);
    }
    assertThat(beyondBound).as("statements per batch of 1,000 beyond the bound, by subgroup size").isEmpty();
  }
}
