package com.pulse.vote.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Results visibility, over REST and live: AFTER_VOTE hides counts from an employee until they voted, AFTER_CLOSE from
 * every employee until the poll closes; administrators always see them; a live tally carries counts only when every
 * follower of the poll may see them.
 */
@PulseIntegrationTest
class VisibilityTests {

  private static final TestUser VOTER = VoteClient.employee("50001");
  private static final TestUser ONLOOKER = VoteClient.employee("50002");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private VoteClient api;
  private TopicReader events;

  @BeforeEach
  void open() {
    api = new VoteClient(port, jdbc);
    events = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.VOTE_POLLS);
  }

  @AfterEach
  void close() {
    events.close();
  }

  @Test
  void afterVoteHidesCountsFromAnEmployeeUntilTheyVoted() throws Exception {
    JsonNode poll = api.open("AFTER_VOTE", 1, "A", "B");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    api.vote(id, VOTER, List.of(options.get(1)));

    assertHidden(api.stats(id, ONLOOKER));
    assertThat(api.stats(id, VOTER).path("resultsVisible").asBoolean()).isTrue();
    assertThat(VoteClient.counts(api.stats(id, VOTER))).containsEntry(options.get(1), 1);
    assertThat(api.stats(id, TestUser.ADMIN).path("resultsVisible").asBoolean()).isTrue();
    assertThat(api.stats(id, TestUser.SYSTEM_MANAGER).path("resultsVisible").asBoolean()).isFalse();
    assertHidden(lastTally(id, 2));

    api.vote(id, ONLOOKER, List.of(options.get(0)));
    assertThat(VoteClient.counts(api.stats(id, ONLOOKER))).containsEntry(options.get(0), 1)
        .containsEntry(options.get(1), 1);
  }

  @Test
  void afterCloseHidesCountsFromEveryEmployeeUntilTheClose() throws Exception {
    JsonNode poll = api.open("AFTER_CLOSE", 1, "A", "B");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    api.vote(id, VOTER, List.of(options.get(0)));

    assertHidden(api.stats(id, VOTER));
    assertHidden(api.stats(id, ONLOOKER));
    assertThat(VoteClient.counts(api.stats(id, TestUser.ADMIN))).containsEntry(options.get(0), 1);
    assertHidden(lastTally(id, 2));

    assertThat(api.send("POST", "/api/vote/polls/" + id + "/close", null, TestUser.ADMIN).statusCode())
        .isEqualTo(200);

    JsonNode finalTally = lastTally(id, 4);
    assertThat(finalTally.path("resultsVisible").asBoolean()).isTrue();
    assertThat(finalTally.path("status").asString()).isEqualTo("CLOSED");
    assertThat(VoteClient.counts(finalTally)).containsEntry(options.get(0), 1).containsEntry(options.get(1), 0);
    assertThat(VoteClient.counts(api.stats(id, ONLOOKER))).isEqualTo(VoteClient.counts(finalTally));
  }

  @Test
  void liveTalliesOfALivePollCarryCounts() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    api.vote(id, VOTER, List.of(options.get(1)));

    JsonNode tally = lastTally(id, 2);
    assertThat(tally.path("resultsVisible").asBoolean()).isTrue();
    assertThat(VoteClient.counts(tally)).containsEntry(options.get(1), 1).containsEntry(options.get(0), 0);
  }

  /** The poll's tally event at {@code version} (waiting for it), as published. */
  private JsonNode lastTally(long id, long version) {
    List<ConsumerRecord<String, byte[]>> tallies = events.await(1, r -> r.key().equals(Long.toString(id))
        && VoteClient.event(r).getType().equals("vote.poll.tallied")
        && VoteClient.data(r).path("version").asLong() == version, WAIT);
    assertThat(tallies).as("tally of poll " + id + " at version " + version).hasSize(1);
    ConsumerRecord<String, byte[]> record = tallies.getFirst();
    assertThat(VoteClient.event(record).getExtension("audience")).isEqualTo("vote:poll:" + id);
    return VoteClient.data(record);
  }

  private static void assertHidden(JsonNode statsOrTally) {
    assertThat(statsOrTally.path("resultsVisible").asBoolean()).isFalse();
    assertThat(statsOrTally.path("options").valueStream().map(o -> o.path("votes").isNull())).containsOnly(true);
    assertThat(statsOrTally.path("options")).isNotEmpty();
  }
}
