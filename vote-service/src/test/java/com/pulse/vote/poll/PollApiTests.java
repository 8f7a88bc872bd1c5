package com.pulse.vote.poll;

import static com.pulse.vote.poll.VoteClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Polls and ballots over REST: who may do what, the errors the issue names, idempotence, ETags, the audit. */
@PulseIntegrationTest
class PollApiTests {

  private static final TestUser EMP_A = VoteClient.employee("30001");
  private static final TestUser EMP_B = VoteClient.employee("30002");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private VoteClient api;

  @BeforeEach
  void client() {
    api = new VoteClient(port, jdbc);
  }

  @Test
  void anAdministratorOpensAPollThatEmployeesSeeAndVoteOn() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "Kimbap", "Pho", "Cafeteria");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);

    assertThat(poll.path("status").asString()).isEqualTo("OPEN");
    assertThat(options).hasSize(3).doesNotContainNull();
    HttpResponse<String> cast = api.vote(id, EMP_A, List.of(options.get(1)));
    assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
    assertThat(json(cast).path("changed").asBoolean()).isTrue();

    JsonNode stats = api.stats(id, EMP_B);
    assertThat(stats.path("totalVoters").asInt()).isEqualTo(1);
    assertThat(VoteClient.counts(stats)).isEqualTo(Map.of(options.get(0), 0, options.get(1), 1,
        options.get(2), 0));
    assertThat(stats.path("myBallot").isNull()).isTrue();
    assertThat(api.stats(id, EMP_A).path("myBallot").get(0).asLong()).isEqualTo(options.get(1));
    assertThat(api.outboxEvents(id, "vote.poll.opened")).isEqualTo(1);
    assertThat(json(api.send("GET", "/api/vote/polls?status=open", null, EMP_A)).path("items").valueStream()
        .map(p -> p.path("id").asLong())).contains(id);
  }

  @Test
  void theSameBallotTwiceChangesNothingAndEmitsNothing() throws Exception {
    JsonNode poll = api.open("LIVE", 2, "A", "B", "C");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    assertThat(api.vote(id, EMP_A, List.of(options.get(0), options.get(2))).statusCode()).isEqualTo(200);
    long version = api.stats(id, EMP_A).path("version").asLong();
    // the tally writer writes the first ballot's tally on its own schedule: count after it, not before
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> api.lastTalliedVersion(id) == version);
    long audit = jdbc.sql("select count(*) from vote_ballot_audit where poll_id = ?").param(id).query(Long.class)
        .single();
    long tallies = api.outboxEvents(id, "vote.poll.tallied");

    HttpResponse<String> again = api.vote(id, EMP_A, List.of(options.get(2), options.get(0)));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).path("changed").asBoolean()).isFalse();
    assertThat(api.stats(id, EMP_A).path("version").asLong()).isEqualTo(version);
    assertThat(jdbc.sql("select count(*) from vote_ballot_audit where poll_id = ?").param(id).query(Long.class)
        .single()).isEqualTo(audit);
    Awaitility.await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
        .until(() -> api.outboxEvents(id, "vote.poll.tallied") == tallies);
  }

  @Test
  void badBallotsAre400NamingTheFieldAndChangeNothing() throws Exception {
    long id = api.open("LIVE", 1, "A", "B").path("id").asLong();
    long other = VoteClient.optionIds(api.open("LIVE", 1, "X", "Y")).getFirst();
    List<Long> options = VoteClient.optionIds(api.find(id));

    assertThat(field(api.vote(id, EMP_A, List.of()))).isEqualTo("optionIds");
    assertThat(field(api.vote(id, EMP_A, List.of(other)))).isEqualTo("optionIds[0]");
    assertThat(field(api.vote(id, EMP_A, options))).isEqualTo("optionIds");
    assertThat(field(api.vote(id, EMP_A, List.of(options.get(0), options.get(0))))).isEqualTo("optionIds[1]");
    assertThat(field(api.send("PUT", "/api/vote/polls/" + id + "/ballot", "{}", EMP_A))).isEqualTo("optionIds");
    assertThat(api.stats(id, TestUser.ADMIN).path("version").asLong()).isEqualTo(1);
  }

  @Test
  void onlyEmployeesVoteAndOnlyAdministratorsOpenPollsAndReadTheAudit() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);

    assertThat(api.vote(id, TestUser.PATIENT_1001, List.of(options.getFirst())).statusCode()).isEqualTo(403);
    assertThat(api.vote(id, TestUser.ADMIN, List.of(options.getFirst())).statusCode()).isEqualTo(403);
    assertThat(api.send("GET", "/api/vote/polls/" + id + "/stats", null, TestUser.PATIENT_1001).statusCode())
        .isEqualTo(403);
    assertThat(api.send("POST", "/api/vote/polls", "{\"title\":\"t\",\"kind\":\"MENU\",\"options\":[{\"label\":"
        + "\"a\"},{\"label\":\"b\"}]}", EMP_A).statusCode()).isEqualTo(403);
    assertThat(api.send("POST", "/api/vote/polls/" + id + "/close", null, EMP_A).statusCode()).isEqualTo(403);
    assertThat(api.send("GET", "/api/vote/polls/" + id + "/audit", null, EMP_A).statusCode()).isEqualTo(403);
    assertThat(api.send("GET", "/api/vote/polls/999999999/stats", null, EMP_A).statusCode()).isEqualTo(404);
  }

  @Test
  void theAuditSaysWhoChangedWhatFromWhatToWhat() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    api.vote(id, EMP_A, List.of(options.get(0)));
    api.vote(id, EMP_A, List.of(options.get(1)));
    assertThat(api.send("DELETE", "/api/vote/polls/" + id + "/ballot", null, EMP_A).statusCode()).isEqualTo(204);
    assertThat(api.send("DELETE", "/api/vote/polls/" + id + "/ballot", null, EMP_A).statusCode()).isEqualTo(204);

    JsonNode audit = json(api.send("GET", "/api/vote/polls/" + id + "/audit", null, TestUser.ADMIN));

    assertThat(audit.path("items")).hasSize(3);
    JsonNode change = audit.path("items").get(1);
    assertThat(change.path("empNo").asString()).isEqualTo("30001");
    assertThat(change.path("userId").asString()).isEqualTo("emp.30001");
    assertThat(change.path("from").get(0).asLong()).isEqualTo(options.get(0));
    assertThat(change.path("to").get(0).asLong()).isEqualTo(options.get(1));
    assertThat(audit.path("items").get(2).path("to").isNull()).isTrue();
    assertThat(api.stats(id, EMP_A).path("totalVoters").asInt()).isZero();
  }

  @Test
  void statsAnswer304UntilSomethingChanged() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    HttpResponse<String> first = api.send("GET", "/api/vote/polls/" + id + "/stats", null, EMP_B);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    assertThat(api.send("GET", "/api/vote/polls/" + id + "/stats", null, EMP_B, Map.of("If-None-Match", etag))
        .statusCode()).isEqualTo(304);
    api.vote(id, EMP_A, List.of(VoteClient.optionIds(poll).getFirst()));
    HttpResponse<String> changed = api.send("GET", "/api/vote/polls/" + id + "/stats", null, EMP_B,
        Map.of("If-None-Match", etag));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void aClosedPollRefusesBallotsWith409AndClosesOnlyOnce() throws Exception {
    JsonNode poll = api.open("LIVE", 1, "A", "B");
    long id = poll.path("id").asLong();
    List<Long> options = VoteClient.optionIds(poll);
    api.vote(id, EMP_A, List.of(options.getFirst()));

    HttpResponse<String> closed = api.send("POST", "/api/vote/polls/" + id + "/close", null, TestUser.ADMIN);

    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(json(closed).path("status").asString()).isEqualTo("CLOSED");
    assertThat(api.vote(id, EMP_B, List.of(options.getFirst())).statusCode()).isEqualTo(409);
    assertThat(api.send("DELETE", "/api/vote/polls/" + id + "/ballot", null, EMP_A).statusCode()).isEqualTo(409);
    assertThat(api.send("POST", "/api/vote/polls/" + id + "/close", null, TestUser.ADMIN).statusCode())
        .isEqualTo(409);
    assertThat(api.outboxEvents(id, "vote.poll.closed")).isEqualTo(1);
  }

  @Test
  void aPollClosesByItselfAtClosesAt() throws Exception {
    Instant closesAt = Instant.now().plusMillis(1500);
    HttpResponse<String> created = api.send("POST", "/api/vote/polls", "{\"title\":\"Quick\",\"kind\":\"MENU\","
        + "\"options\":[{\"label\":\"a\"},{\"label\":\"b\"}],\"closesAt\":\"" + closesAt + "\"}", TestUser.ADMIN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).path("id").asLong();

    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> api.find(id).path("status").asString().equals("CLOSED"));
    assertThat(api.find(id).path("closedBy").isNull()).isTrue();
    assertThat(api.outboxEvents(id, "vote.poll.closed")).isEqualTo(1);
  }

  @Test
  void badPollsAre400NamingTheField() throws Exception {
    String past = "{\"title\":\"t\",\"kind\":\"MENU\",\"options\":[{\"label\":\"a\"},{\"label\":\"b\"}],"
        + "\"closesAt\":\"2020-01-01T00:00:00Z\"}";
    String tooMany = "{\"title\":\"t\",\"kind\":\"MENU\",\"options\":[{\"label\":\"a\"},{\"label\":\"b\"}],"
        + "\"maxChoices\":3}";
    String one = "{\"title\":\"t\",\"kind\":\"MENU\",\"options\":[{\"label\":\"a\"}]}";
    String twice = "{\"title\":\"t\",\"kind\":\"MENU\",\"options\":[{\"label\":\"a\"},{\"label\":\"A\"}]}";

    assertThat(field(api.send("POST", "/api/vote/polls", past, TestUser.ADMIN))).isEqualTo("closesAt");
    assertThat(field(api.send("POST", "/api/vote/polls", tooMany, TestUser.ADMIN))).isEqualTo("maxChoices");
    assertThat(field(api.send("POST", "/api/vote/polls", one, TestUser.ADMIN))).isEqualTo("options");
    assertThat(field(api.send("POST", "/api/vote/polls", twice, TestUser.ADMIN))).isEqualTo("options[1].label");
    assertThat(field(api.send("GET", "/api/vote/polls?status=maybe", null, TestUser.ADMIN))).isEqualTo("status");
  }

  private static String field(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/problem+json");
    return json(response).path("errors").get(0).path("field").asString();
  }
}
