package com.pulse.vote.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: ballots of one poll do not wait for each other (no lock shared by all voters), and a close orders them:
 * a ballot lands before it (and is in the final tally) or is refused with 409, never counted after it.
 */
@PulseIntegrationTest
class BallotLockTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int RACERS = 40;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BallotService ballots;
  @Autowired PlatformTransactionManager transactions;

  private VoteClient api;
  private TopicReader events;
  private ExecutorService threads;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void open() {
    api = new VoteClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.VOTE_POLLS);
    threads = Executors.newFixedThreadPool(RACERS + 1);
  }

  @AfterEach
  void close() throws InterruptedException {
    release.countDown();
    events.close();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBallotHeldOpenDoesNotHoldUpAnotherEmployeesBallotOnTheSamePoll() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    long a = VoteClient.optionIds(poll).getFirst();
    Future<?> held = holdBallotOpen(id, "61001", a);

    HttpResponse<String> other = voteAsync(id, VoteClient.employee("61002"), a).get(10, TimeUnit.SECONDS);

    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    assertThat(api.stats(id, TestUser.ADMIN).path("totalVoters").asInt()).as("the held ballot is not committed")
        .isEqualTo(1);
    release.countDown();
    held.get(10, TimeUnit.SECONDS);
    JsonNode stats = api.stats(id, TestUser.ADMIN);
    assertThat(VoteClient.counts(stats)).isEqualTo(api.recount(id)).containsEntry(a, 2);
    assertThat(stats.path("version").asLong()).isEqualTo(3);
  }

  @Test
  void aCloseWaitsForTheBallotInFlightAndCountsItInTheFinalTally() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    long b = VoteClient.optionIds(poll).get(1);
    Future<?> held = holdBallotOpen(id, "61011", b);

    CompletableFuture<HttpResponse<String>> closing = VoteClient.HTTP.sendAsync(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/vote/polls/" + id + "/close"))
        .header("Authorization", TestUser.ADMIN.bearer()).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from pg_stat_activity"
        + " where wait_event_type = 'Lock' and query like '%from vote_poll where id = $1 for update%'")
        .query(Long.class).single() > 0);
    assertThat(closing).as("the close waits for the ballot in flight").isNotDone();

    release.countDown();
    held.get(10, TimeUnit.SECONDS);
    assertThat(closing.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(api.vote(id, VoteClient.employee("61012"), List.of(b)).statusCode()).isEqualTo(409);
    JsonNode finalTally = finalTally(id);
    assertThat(VoteClient.counts(finalTally)).containsEntry(b, 1).isEqualTo(api.recount(id));
    assertThat(finalTally.path("version").asLong()).isEqualTo(api.stats(id, TestUser.ADMIN).path("version").asLong());
  }

  @Test
  void ballotsRacingACloseLandBeforeItAndAreCountedOrAreRefused() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B", "C");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    CyclicBarrier start = new CyclicBarrier(RACERS + 1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int e = 0; e < RACERS; e++) {
      TestUser employee = VoteClient.employee(Integer.toString(62_000 + e));
      long option = options.get(e % options.size());
      answers.add(threads.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return api.vote(id, employee, List.of(option)).statusCode();
      }));
    }
    Future<Integer> close = threads.submit(() -> {
      start.await(10, TimeUnit.SECONDS);
      return api.send("POST", "/api/vote/polls/" + id + "/close", null, TestUser.ADMIN).statusCode();
    });

    assertThat(close.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    Set<String> accepted = new HashSet<>();
    for (int e = 0; e < RACERS; e++) {
      int status = answers.get(e).get(30, TimeUnit.SECONDS);
      assertThat(status).isIn(200, 409);
      if (status == 200) {
        accepted.add(Integer.toString(62_000 + e));
      }
    }
    assertThat(jdbc.sql("select emp_no from vote_ballot where poll_id = ?").param(id).query(String.class).set())
        .as("every accepted ballot counted, no refused one").isEqualTo(accepted);
    JsonNode finalTally = finalTally(id);
    assertThat(finalTally.path("totalVoters").asInt()).isEqualTo(accepted.size());
    assertThat(VoteClient.counts(finalTally)).isEqualTo(api.recount(id))
        .isEqualTo(VoteClient.counts(api.stats(id, TestUser.ADMIN)));
  }

  /** In its own thread: the employee's ballot written in a transaction that stays open until {@link #release}. */
  private Future<?> holdBallotOpen(long pollId, String empNo, long option) throws InterruptedException {
    Caller voter = new Caller("emp." + empNo, "Employee " + empNo, Set.of(Role.EMPLOYEE), null, null, null, empNo);
    CountDownLatch written = new CountDownLatch(1);
    Future<?> held = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      ballots.cast(pollId, voter, List.of(option));
      written.countDown();
      try {
        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }));
    assertThat(written.await(10, TimeUnit.SECONDS)).as("the held ballot was written").isTrue();
    return held;
  }

  private CompletableFuture<HttpResponse<String>> voteAsync(long pollId, TestUser voter, long option) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return api.vote(pollId, voter, List.of(option));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, threads);
  }

  /** The poll's last tally event, once it is the closed poll's (the final tally), as published. */
  private JsonNode finalTally(long id) {
    List<ConsumerRecord<String, byte[]>> tallies = events.await(1, r -> r.key().equals(Long.toString(id))
        && VoteClient.event(r).getType().equals("vote.poll.tallied")
        && VoteClient.data(r).path("status").asString().equals("CLOSED"), WAIT);
    assertThat(tallies).as("final tally of poll " + id).hasSize(1);
    List<Long> versions = events.await(Integer.MAX_VALUE, r -> r.key().equals(Long.toString(id))
        && VoteClient.event(r).getType().equals("vote.poll.tallied"), Duration.ofMillis(300)).stream()
        .map(r -> VoteClient.data(r).path("version").asLong()).toList();
    assertThat(versions).as("versions only grow; the final tally is the last").isSorted().doesNotHaveDuplicates()
        .last().isEqualTo(VoteClient.data(tallies.getFirst()).path("version").asLong());
    return VoteClient.data(tallies.getFirst());
  }
}
