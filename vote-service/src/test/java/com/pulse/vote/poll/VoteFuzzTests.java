package com.pulse.vote.poll;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.fuzz.ApiFuzz;
import com.pulse.testsupport.fuzz.Endpoint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every endpoint of the vote API, spoiled one part at a time: never a 5xx, every error a problem. */
@PulseIntegrationTest
class VoteFuzzTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @TestFactory
  Stream<DynamicTest> noSpoiledRequestIsA5xxOrAnswersWithoutAProblem() throws Exception {
    VoteClient api = new VoteClient(port, jdbc);
    JsonNode poll = api.open("LIVE", 1, "Kimbap", "Pho");
    String id = poll.path("id").asString();
    String open = "{\"title\":\"Lunch?\",\"kind\":\"MENU\",\"options\":[{\"label\":\"A\"},{\"label\":\"B\"}],"
        + "\"maxChoices\":1,\"closesAt\":\"2099-01-01T12:00:00Z\",\"resultsVisibility\":\"AFTER_VOTE\"}";
    TestUser voter = VoteClient.employee("fuzz-1");
    List<Endpoint> admin = List.of(
        Endpoint.post("/api/vote/polls", open),
        Endpoint.get("/api/vote/polls").query("status", "open"),
        Endpoint.get("/api/vote/polls/{id}").pathVariable("id", id),
        Endpoint.get("/api/vote/polls/{id}/stats").pathVariable("id", id),
        Endpoint.get("/api/vote/polls/{id}/audit").pathVariable("id", id),
        Endpoint.post("/api/vote/polls/{id}/close").pathVariable("id", api.open("LIVE", 1, "A", "B")
            .path("id").asString()));
    List<Endpoint> employee = List.of(
        Endpoint.put("/api/vote/polls/{id}/ballot", "{\"optionIds\":[" + VoteClient.optionIds(poll).getFirst()
            + "]}").pathVariable("id", id));
    return Stream.concat(ApiFuzz.on(port, TestUser.ADMIN::bearer).over(admin),
        ApiFuzz.on(port, voter::bearer).over(employee));
  }
}
