package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002 through the gateway: demo employees vote on a poll, the seed's {@code /ws/votes} socket shows the exact
 * final tally, REST stats agree, and presence counts the poll's screens across the two notification-service
 * instances.
 */
@ExtendWith(RunningStack.class)
class VoteEndToEndTests {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int VOTERS = 10;

  private final StackClient stack = RunningStack.client();

  @Test
  void employeesVoteAndEveryScreenShowsTheExactTallyWhilePresenceCountsThem() throws Exception {
    JsonNode poll = stack.postAs("admin", "/api/vote/polls", "{\"title\":\"Lunch?\",\"kind\":\"PLACE\",\"options\":"
        + "[{\"label\":\"Kimbap\"},{\"label\":\"Pho\"},{\"label\":\"Cafeteria\"}]}", 201);
    long id = poll.path("id").asLong();
    List<Long> options = poll.path("options").valueStream().map(o -> o.path("id").asLong()).toList();
    String channel = "vote:poll:" + id;

    try (SocketClient seed = SocketClient.at(stack.gatewayUrl(), "/ws/votes?emp_no=20001",
        stack.token("emp.20001"));
        SocketClient watcher = stack.socket("emp.20002")) {
      assertThat(seed.next(f -> f.path("type").asString().equals("connection_ack"), WAIT)).isNotNull();
      seed.send("{\"type\":\"join\",\"poll_id\":" + id + "}");
      watcher.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
      assertThat(watcher.next(f -> f.path("type").asString().equals("subscribed"), WAIT)).isNotNull();
      // two instances answer in turn, each from its latest shares: wait until one answer shows both counts
      await().atMost(WAIT).until(() -> {
        JsonNode count = presence(channel);
        return count.path("users").asInt() == 2 && count.path("clients").asInt() == 2;
      });

      for (int i = 1; i <= VOTERS; i++) {
        HttpResponse<String> cast = stack.put("/api/vote/polls/" + id + "/ballot", "{\"optionIds\":["
            + options.get(i % options.size()) + "]}", stack.token("emp." + (20000 + i)));
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
      }

      JsonNode last = seed.next(f -> f.path("type").asString().equals("vote_update")
          && f.path("data").path("total_voters").asInt() == VOTERS, WAIT);
      assertThat(last).as("a vote_update with all " + VOTERS + " voters").isNotNull();
      Map<Long, Integer> live = new TreeMap<>();
      last.path("data").path("options").forEach(o -> live.put(o.path("option_id").asLong(),
          o.path("vote_count").asInt()));
      JsonNode stats = StackClient.JSON.readTree(stack.get("/api/vote/polls/" + id + "/stats",
          stack.token("emp.20001")).body());
      Map<Long, Integer> rest = new TreeMap<>();
      stats.path("options").forEach(o -> rest.put(o.path("optionId").asLong(), o.path("votes").asInt()));
      assertThat(live).isEqualTo(rest).isEqualTo(Map.of(options.get(0), 3, options.get(1), 4, options.get(2), 3));
      assertThat(last.path("data").path("version").asLong()).isEqualTo(stats.path("version").asLong());
    }
  }

  @Test
  void theSeedSocketRefusesSomeoneElsesEmpNo() {
    List<Throwable> refused = new ArrayList<>();
    try (SocketClient ignored = SocketClient.at(stack.gatewayUrl(), "/ws/votes?emp_no=20002",
        stack.token("emp.20001"))) {
      refused.add(null);
    } catch (RuntimeException e) {
      refused.add(e);
    }
    assertThat(refused).singleElement().isNotNull();
  }

  @Test
  void demoPollsOpenOnlyOnce() {
    new DemoPolls(stack.gatewayUrl()).seedIfEmpty();
    assertThat(new DemoPolls(stack.gatewayUrl()).seedIfEmpty()).isZero();
  }

  private JsonNode presence(String channel) {
    HttpResponse<String> answer = stack.get("/api/notifications/presence?channel=" + channel,
        stack.token("emp.20003"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return StackClient.JSON.readTree(answer.body());
  }
}
