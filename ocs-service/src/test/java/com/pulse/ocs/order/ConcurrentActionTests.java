package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static com.pulse.ocs.order.OrdersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several people acting on one order at the same moment: exactly one wins, the others are told who did. */
@PulseIntegrationTest
class ConcurrentActionTests {

  private static final int WORKERS = 8;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private OrdersClient api;
  private TopicReader events;
  private ExecutorService threads;

  @BeforeEach
  void open() {
    api = new OrdersClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.OCS_ORDERS);
    threads = Executors.newFixedThreadPool(WORKERS);
  }

  @AfterEach
  void close() throws InterruptedException {
    events.close();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @RepeatedTest(5)
  void ofSeveralWorkersAcceptingAtOnceExactlyOneWins() throws Exception {
    String id = api.create(TestUser.DR_KIM, "P-RACE", JobRole.RIS, OrderPriority.STAT);
    List<TestUser> workers = IntStream.range(0, WORKERS)
        .mapToObj(i -> OrdersClient.worker("ris.racer" + i, JobRole.RIS)).toList();

    List<HttpResponse<String>> responses = all(workers.stream().map(w -> (Call) () ->
        api.act(id, OrderAction.ACCEPT, w)).toList());

    List<HttpResponse<String>> won = responses.stream().filter(r -> r.statusCode() == 200).toList();
    assertThat(won).hasSize(1);
    String winner = json(won.getFirst()).path("workerId").asString();
    assertThat(workers).extracting(TestUser::id).contains(winner);
    assertThat(responses).filteredOn(r -> r.statusCode() != 200).hasSize(WORKERS - 1).allSatisfy(lost -> {
      assertThat(lost.statusCode()).isEqualTo(409);
      assertThat(json(lost).path("workerId").asString()).isEqualTo(winner);
      assertThat(json(lost).path("status").asInt()).isEqualTo(409);
      assertThat(json(lost).path("currentStatus").asString()).isEqualTo("ACCEPTED");
    });
    assertThat(api.stored(id)).isEqualTo("ACCEPTED/" + winner + "/2");
    assertThat(api.outboxEvents(id)).isEqualTo(2);
    List<ConsumerRecord<String, byte[]>> published = events.await(2, r -> r.key().equals(id), WAIT);
    assertThat(published).extracting(r -> PulseEvents.deserialize(r.value()).getType())
        .containsExactly("ocs.order.created", "ocs.order.accepted");
  }

  @Test
  void aDoubleClickedStartStartsOnce() throws Exception {
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.LIS, TestUser.LIS_CHOI);

    List<HttpResponse<String>> responses = all(IntStream.range(0, 4).mapToObj(i -> (Call) () ->
        api.act(id, OrderAction.START, TestUser.LIS_CHOI)).toList());

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 409).containsOnlyOnce(200);
    assertThat(api.stored(id)).isEqualTo("IN_PROGRESS/lis.choi/3");
    assertThat(api.outboxEvents(id)).isEqualTo(3);
  }

  @Test
  void aCancelRacingAStartEndsInOneOfTheTwoOutcomesWithOneEventEach() throws Exception {
    String id = api.orderIn(OrderStatus.ACCEPTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);

    List<HttpResponse<String>> responses = all(List.of(
        () -> api.act(id, OrderAction.START, TestUser.RIS_PARK),
        () -> api.act(id, OrderAction.CANCEL, TestUser.DR_KIM)));

    assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
    assertThat(api.stored(id)).matches("(IN_PROGRESS|CANCELLED)/ris.park/3");
    assertThat(api.outboxEvents(id)).isEqualTo(3);
  }

  /** Starts every call at the same moment, each on its own thread; returns the responses in call order. */
  private List<HttpResponse<String>> all(List<Call> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (Call call : calls) {
      futures.add(threads.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return call.send();
      }));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> future : futures) {
      responses.add(future.get(30, TimeUnit.SECONDS));
    }
    return responses;
  }

  @FunctionalInterface
  private interface Call {
    HttpResponse<String> send() throws Exception;
  }
}
