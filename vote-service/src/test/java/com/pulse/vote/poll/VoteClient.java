package com.pulse.vote.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.PulseEvents;
import com.pulse.testsupport.TestUser;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vote API over real HTTP as the tests' users, and what the database holds for one poll. */
final class VoteClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final JdbcClient jdbc;

  VoteClient(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
  }

  /** Employee {@code emp.<empNo>} with that {@code empNo} claim. */
  static TestUser employee(String empNo) {
    return new TestUser("emp." + empNo, "Employee " + empNo, List.of("EMPLOYEE"), null, null, empNo);
  }

  HttpResponse<String> send(String method, String path, String body, TestUser user, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", user.bearer())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body, TestUser user) throws Exception {
    return send(method, path, body, user, Map.of());
  }

  /** A new poll with these options, opened by ADMIN; its JSON. */
  JsonNode open(String visibility, int maxChoices, String... labels) throws Exception {
    String options = java.util.Arrays.stream(labels).map(l -> "{\"label\":\"" + l + "\"}")
        .collect(Collectors.joining(","));
    HttpResponse<String> created = send("POST", "/api/vote/polls", "{\"title\":\"Lunch?\",\"kind\":\"PLACE\","
        + "\"options\":[" + options + "],\"maxChoices\":" + maxChoices + ",\"resultsVisibility\":\"" + visibility
        + "\"}", TestUser.ADMIN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created);
  }

  JsonNode find(long pollId) throws Exception {
    HttpResponse<String> poll = send("GET", "/api/vote/polls/" + pollId, null, TestUser.ADMIN);
    assertThat(poll.statusCode()).as(poll.body()).isEqualTo(200);
    return json(poll);
  }

  static List<Long> optionIds(JsonNode poll) {
    return poll.path("options").valueStream().map(o -> o.path("id").asLong()).toList();
  }

  HttpResponse<String> vote(long pollId, TestUser voter, List<Long> optionIds) throws Exception {
    return send("PUT", "/api/vote/polls/" + pollId + "/ballot", "{\"optionIds\":" + optionIds + "}", voter);
  }

  JsonNode stats(long pollId, TestUser user) throws Exception {
    HttpResponse<String> stats = send("GET", "/api/vote/polls/" + pollId + "/stats", null, user);
    assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
    return json(stats);
  }

  /** Option id → votes, from a stats or tally JSON. */
  static Map<Long, Integer> counts(JsonNode statsOrTally) {
    Map<Long, Integer> counts = new TreeMap<>();
    statsOrTally.path("options").forEach(o -> counts.put(o.path("optionId").asLong(), o.path("votes").asInt()));
    return counts;
  }

  /** Option id → votes, recounted from the ballots themselves. */
  Map<Long, Integer> recount(long pollId) {
    Map<Long, Integer> counts = new TreeMap<>();
    jdbc.sql("select id from vote_option where poll_id = ?").param(pollId).query(Long.class).list()
        .forEach(id -> counts.put(id, 0));
    jdbc.sql("select o, count(*) from vote_ballot, unnest(option_ids) o where poll_id = ? group by o")
        .param(pollId).query((rs, row) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
    return counts;
  }

  long outboxEvents(long pollId, String type) {
    return jdbc.sql("select count(*) from pulse_outbox where message_key = ? and event_type = ?")
        .params(Long.toString(pollId), type).query(Long.class).single();
  }

  /** The {@code version} of the newest tally in the outbox, 0 when none is there yet (tallies are written apart). */
  long lastTalliedVersion(long pollId) {
    return jdbc.sql("select payload from pulse_outbox where message_key = ? and event_type = 'vote.poll.tallied' "
            + "order by sequence desc limit 1").param(Long.toString(pollId)).query(byte[].class).optional()
        .map(payload -> JSON.readTree(PulseEvents.deserialize(payload).getData().toBytes()).path("version").asLong())
        .orElse(0L);
  }

  static CloudEvent event(ConsumerRecord<String, byte[]> record) {
    return PulseEvents.deserialize(record.value());
  }

  static JsonNode data(ConsumerRecord<String, byte[]> record) {
    return JSON.readTree(event(record).getData().toBytes());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
