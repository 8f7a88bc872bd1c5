package com.pulse.ocs.order;

import static com.pulse.ocs.order.OrdersClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.identity.JobRole;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Commands on one order run one after the other: each reads the order with its row locked
 * ({@link OrderRepository#findLockedById}), so a command that comes second waits for the first to commit and is
 * answered from what the first did, with no retry.
 */
@PulseIntegrationTest
class OrderLockingTests {

  /** PostgreSQL's SQLSTATE for {@code FOR UPDATE NOWAIT} on a row another transaction holds. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired OrderRepository orders;
  @Autowired JdbcAggregateOperations aggregates;
  @Autowired PlatformTransactionManager transactions;

  private OrdersClient api;
  private TransactionTemplate transaction;

  @BeforeEach
  void open() {
    api = new OrdersClient(port, jdbc);
    transaction = new TransactionTemplate(transactions);
  }

  @Test
  void aCommandsReadLocksTheRowUntilItsTransactionEnds() throws Exception {
    UUID id = UUID.fromString(api.create(TestUser.DR_KIM, "P-LOCK", JobRole.RIS, OrderPriority.ROUTINE));

    transaction.executeWithoutResult(status -> {
      assertThat(orders.findLockedById(id)).isPresent();

      Throwable refused = catchThrowable(() -> elsewhere(() -> lockNowait(id)));
      assertThat(NestedExceptionUtils.getMostSpecificCause(refused)).as("another transaction cannot lock the row")
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(LOCK_NOT_AVAILABLE));
      assertThat(elsewhere(() -> orders.findById(id)).orElseThrow().version())
          .as("plain reads are not held up").isEqualTo(1);
    });

    assertThat(elsewhere(() -> lockNowait(id))).as("free once the transaction ends").isEqualTo(id);
  }

  @Test
  void theSecondCommandWaitsForTheFirstAndIsAnsweredFromItsResult() throws Exception {
    String id = api.create(TestUser.DR_KIM, "P-LOCK", JobRole.RIS, OrderPriority.STAT);
    TestUser ghost = OrdersClient.worker("ris.ghost", JobRole.RIS);

    CompletableFuture<HttpResponse<String>> second = transaction.execute(status -> {
      // the first command: holds the row, accepts the order for ris.ghost, commits at the end of this block
      Order first = orders.findLockedById(UUID.fromString(id)).orElseThrow();
      CompletableFuture<HttpResponse<String>> accept = CompletableFuture.supplyAsync(() -> {
        try {
          return api.act(id, OrderAction.ACCEPT, TestUser.RIS_PARK);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !accept.isDone());
      aggregates.update(first.apply(OrderAction.ACCEPT, ghost.id(), null,
          Instant.now().truncatedTo(ChronoUnit.MICROS)));
      return accept;
    });

    HttpResponse<String> response = second.get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode problem = json(response);
    assertThat(problem.path("workerId").asString()).isEqualTo("ris.ghost");
    assertThat(problem.path("currentStatus").asString()).isEqualTo("ACCEPTED");
    assertThat(problem.path("detail").asString()).contains("already accepted by ris.ghost");
    assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(api.stored(id)).isEqualTo("ACCEPTED/ris.ghost/2");
  }

  private UUID lockNowait(UUID id) {
    return jdbc.sql("select id from ocs_order where id = ? for update nowait").param(id).query(UUID.class).single();
  }

  /** Runs on another thread, so on another connection and outside this thread's transaction. */
  private static <T> T elsewhere(Supplier<T> work) {
    try {
      return CompletableFuture.supplyAsync(work).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }
}
