package com.pulse.vote.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * The tally writer: a lone ballot's tally goes out at once and at the version the ballot answered; while another
 * writer holds a poll's tally the changes wait (no second writer, no lost change) and then go out as one exact tally.
 */
@PulseIntegrationTest
class TallyWriterTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  private VoteClient api;
  private TopicReader events;
  private final ExecutorService threads = Executors.newSingleThreadExecutor();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void open() {
    api = new VoteClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.VOTE_POLLS);
  }

  @AfterEach
  void close() throws InterruptedException {
    release.countDown();
    events.close();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void changesWhileAnotherWriterHoldsThePollsTallyComeOutAsOneExactTallyAfterwards() throws Exception {
    JsonNode poll = api.open("LIVE", 2, "A", "B", "C");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    HttpResponse<String> first = api.vote(id, VoteClient.employee("63001"), List.of(options.get(0)));
    assertThat(VoteClient.json(first).path("version").asLong()).isEqualTo(2);
    assertThat(VoteClient.counts(tally(id, 2))).containsEntry(options.get(0), 1);

    Future<?> held = holdTallyRow(id);
    api.vote(id, VoteClient.employee("63002"), List.of(options.get(1), options.get(2)));
    api.vote(id, VoteClient.employee("63003"), List.of(options.get(1)));
    api.vote(id, VoteClient.employee("63001"), List.of(options.get(2)));
    Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
        .until(() -> api.outboxEvents(id, "vote.poll.tallied") == 1);
    release.countDown();
    held.get(10, TimeUnit.SECONDS);

    JsonNode last = tally(id, 5);
    assertThat(VoteClient.counts(last)).isEqualTo(api.recount(id))
        .isEqualTo(VoteClient.counts(api.stats(id, TestUser.ADMIN)));
    assertThat(last.path("totalVoters").asInt()).isEqualTo(3);
    assertThat(api.outboxEvents(id, "vote.poll.tallied")).as("the three held changes in one tally").isEqualTo(2);
  }

  /** The poll's tally row locked, as a writer on another instance would, until {@link #release}. */
  private Future<?> holdTallyRow(long pollId) throws InterruptedException {
    CountDownLatch locked = new CountDownLatch(1);
    Future<?> held = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      jdbc.sql("select version from vote_tally where poll_id = ? for update").param(pollId).query(Long.class)
          .single();
      locked.countDown();
      try {
        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
    return held;
  }

  /** The poll's tally event at {@code version}, as published (waiting for it). */
  private JsonNode tally(long id, long version) {
    List<ConsumerRecord<String, byte[]>> found = events.await(1, r -> r.key().equals(Long.toString(id))
        && VoteClient.event(r).getType().equals("vote.poll.tallied")
        && VoteClient.data(r).path("version").asLong() == version, WAIT);
    assertThat(found).as("tally of poll " + id + " at version " + version).hasSize(1);
    return VoteClient.data(found.getFirst());
  }
}
