package com.pulse.vote.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 50 employees changing their ballots at once: the counts end equal to a recount of the ballots, live tally versions
 * only grow, the flood is coalesced, and the last live tally equals what REST answers.
 */
@PulseIntegrationTest
class ConcurrentBallotTests {

  private static final int EMPLOYEES = 50;
  private static final int CHANGES_EACH = 6;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired VoteProperties properties;

  private VoteClient api;
  private TopicReader events;
  private ExecutorService threads;

  @BeforeEach
  void open() {
    api = new VoteClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.VOTE_POLLS);
    threads = Executors.newFixedThreadPool(EMPLOYEES);
  }

  @AfterEach
  void close() throws InterruptedException {
    events.close();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void fiftyEmployeesChangingBallotsAtOnceEndWithCountsEqualToARecount() throws Exception {
    JsonNode poll = api.open("LIVE", 2, "Kimbap", "Pho", "Cafeteria", "Burger");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    AtomicInteger changes = new AtomicInteger();

    CyclicBarrier start = new CyclicBarrier(EMPLOYEES);
    List<Future<?>> done = new ArrayList<>();
    for (int e = 0; e < EMPLOYEES; e++) {
      TestUser employee = VoteClient.employee(Integer.toString(40_000 + e));
      done.add(threads.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < CHANGES_EACH; i++) {
          HttpResponse<String> answer = randomChange(api, id, employee, options);
          assertThat(answer.statusCode()).as(answer.body()).isIn(200, 204);
          changes.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }

    JsonNode stats = api.stats(id, TestUser.ADMIN);
    assertThat(VoteClient.counts(stats)).isEqualTo(api.recount(id));
    assertThat(stats.path("totalVoters").asLong()).isEqualTo(jdbc.sql("select count(*) from vote_ballot"
        + " where poll_id = ?").param(id).query(Long.class).single());
    long version = stats.path("version").asLong();

    List<ConsumerRecord<String, byte[]>> tallies = new ArrayList<>();
    Awaitility.await().atMost(WAIT).until(() -> {
      tallies.clear();
      tallies.addAll(events.drain(r -> r.key().equals(Long.toString(id))
          && VoteClient.event(r).getType().equals("vote.poll.tallied"), Duration.ofMillis(200)));
      return !tallies.isEmpty() && VoteClient.data(tallies.getLast()).path("version").asLong() == version;
    });
    List<Long> versions = tallies.stream().map(r -> VoteClient.data(r).path("version").asLong()).toList();
    assertThat(versions).isSorted().doesNotHaveDuplicates();
    JsonNode last = VoteClient.data(tallies.getLast());
    assertThat(VoteClient.counts(last)).isEqualTo(VoteClient.counts(stats));
    assertThat(last.path("totalVoters").asInt()).isEqualTo(stats.path("totalVoters").asInt());
    assertThat(tallies.size()).as("coalesced: far fewer tallies than changes").isLessThan(changes.get() / 2);
    assertAtMostTheConfiguredRate(id);
  }

  /** Over the tally events' own timestamps: never more than max-per-second in any second (one spare for timing). */
  private void assertAtMostTheConfiguredRate(long id) {
    List<Timestamp> written = jdbc.sql("select created_at from pulse_outbox where message_key = ? and event_type ="
        + " 'vote.poll.tallied' order by id").param(Long.toString(id)).query(Timestamp.class).list();
    long spanMillis = written.getLast().getTime() - written.getFirst().getTime();
    long allowed = spanMillis / properties.tally().spacing().toMillis() + 2;
    assertThat((long) written.size()).isLessThanOrEqualTo(allowed);
  }

  /** Mostly a new choice of one or two options; now and then a retraction. */
  private static HttpResponse<String> randomChange(VoteClient api, long id, TestUser employee, List<Long> options)
      throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (random.nextInt(8) == 0) {
      return api.send("DELETE", "/api/vote/polls/" + id + "/ballot", null, employee);
    }
    List<Long> shuffled = new ArrayList<>(options);
    java.util.Collections.shuffle(shuffled, random);
    return api.vote(id, employee, shuffled.subList(0, 1 + random.nextInt(2)));
  }
}
