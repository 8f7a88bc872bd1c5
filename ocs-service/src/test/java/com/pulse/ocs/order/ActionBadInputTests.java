package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static com.pulse.ocs.order.OrdersClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the actions answer to bodies and paths they cannot use: 400 naming the field, and nothing written. */
@PulseIntegrationTest
class ActionBadInputTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "complete | {}                            | result",
      "complete | `{\"result\":\"  \"}`         | result",
      "complete | `{\"result\":\"LONG4001\"}`   | result",
      "complete | `{\"result\":[1]}`            | result",
      "cancel   | {}                            | reason",
      "cancel   | `{\"reason\":null}`           | reason",
      "cancel   | `{\"reason\":\"LONG501\"}`    | reason"})
  void aMissingOrInvalidFieldIsNamed(String action, String body, String field) throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);
    OrderStatus from = action.equals("complete") ? OrderStatus.IN_PROGRESS : OrderStatus.REQUESTED;
    String id = api.orderIn(from, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);
    String before = api.stored(id);
    long events = api.outboxEvents(id);
    String sent = body.replace("LONG4001", "x".repeat(4001)).replace("LONG501", "x".repeat(501));

    HttpResponse<String> response = api.post("/api/ocs/orders/" + id + "/" + action, sent, TestUser.ADMIN, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(problem.path("detail").asString()).contains(field);
    assertThat(api.stored(id)).isEqualTo(before);
    assertThat(api.outboxEvents(id)).isEqualTo(events);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"reason\": `",
      "`[]`",
      "`not json`",
      "``"})
  void anUnreadableBodyIs400AndChangesNothing(String body) throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);
    String id = api.orderIn(OrderStatus.REQUESTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);

    HttpResponse<String> response = api.post("/api/ocs/orders/" + id + "/cancel", body == null ? "" : body,
        TestUser.DR_KIM, null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("detail").asString()).isNotBlank();
    assertThat(api.stored(id)).isEqualTo("REQUESTED/-/1");
    assertThat(api.outboxEvents(id)).isEqualTo(1);
  }

  @Test
  void anIdThatIsNotAUuidIsNamedAndAnUnknownOneIs404() throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);

    HttpResponse<String> malformed = api.act("42", OrderAction.ACCEPT, TestUser.RIS_PARK);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).path("errors").get(0).path("field").asString()).isEqualTo("id");

    HttpResponse<String> unknown = api.act("0b6f9a52-61d4-4f4e-8f0c-2d7f3c9a1e44", OrderAction.ACCEPT,
        TestUser.RIS_PARK);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void withoutATokenEveryActionIs401() throws Exception {
    OrdersClient api = new OrdersClient(port, jdbc);
    String id = api.orderIn(OrderStatus.REQUESTED, TestUser.DR_KIM, JobRole.RIS, TestUser.RIS_PARK);

    for (OrderAction action : OrderAction.values()) {
      HttpRequest request = HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/ocs/orders/" + id + "/" + action.path()))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\",\"result\":\"x\"}")).build();
      assertThat(OrdersClient.HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .as(action.path()).isEqualTo(401);
    }
    assertThat(api.stored(id)).isEqualTo("REQUESTED/-/1");
  }
}
