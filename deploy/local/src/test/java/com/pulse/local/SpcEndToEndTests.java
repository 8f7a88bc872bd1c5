package com.pulse.local;

import static com.pulse.local.EndToEndTests.WAIT;
import static com.pulse.local.EndToEndTests.isType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPC end to end through the gateway (issue 12): a value out of spec becomes an {@code alert} frame on the seed's
 * {@code /ws/spc/notifications/} and an event on {@code /ws} for a QUALITY user, and a GET on receipt shows the alert;
 * a PATIENT or an EMPLOYEE is refused the API and the feed.
 */
@ExtendWith(RunningStack.class)
class SpcEndToEndTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final StackClient stack = RunningStack.client();

  @Test
  void aValueOutOfSpecReachesBothSocketsOfAQualityUserAndIsReadableOnArrival() throws Exception {
    String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    long product = stack.postAs("qa.jung", "/api/spc/products", "{\"code\":\"" + code + "\",\"name\":\"E2E part\","
        + "\"lsl\":9.5,\"usl\":10.5,\"subgroupSize\":1}", 201).path("id").asLong();
    String token = stack.token("qa.jung");
    try (SocketClient seed = SocketClient.at(stack.gatewayUrl(), "/ws/spc/notifications/", token);
        SocketClient pulse = stack.socket("qa.jung")) {
      assertThat(seed.next(f -> isType(f, "connection"), WAIT)).isNotNull();
      JsonNode connected = pulse.next(f -> isType(f, "connected"), WAIT);
      assertThat(connected.path("channels").toString()).contains("spc:alerts");

      stack.postAs("op.han", "/api/spc/products/" + product + "/measurements", "{\"value\":10.9}", 201);

      JsonNode alert = seed.next(f -> isType(f, "alert") && f.path("alert").path("product_code").asString()
          .equals(code), WAIT);
      assertThat(alert).as("alert frame for " + code).isNotNull();
      assertThat(alert.path("alert").path("alert_type").asString()).isEqualTo("OUT_OF_SPEC");
      JsonNode event = pulse.next(f -> isType(f, "event") && f.path("event").path("type").asString()
          .equals("spc.alert.raised") && f.path("event").path("subject").asString().equals(Long.toString(product)),
          WAIT);
      assertThat(event).isNotNull();
      assertThat(event.path("event").path("priority").asString()).isEqualTo("HIGH");

      HttpResponse<String> read = stack.get("/api/spc/alerts/" + alert.path("alert").path("id").asLong(), token);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).path("status").asString()).isEqualTo("OPEN");
    }
  }

  @Test
  void aPatientOrAnEmployeeGetsNoSpcDataAndNoSpcFeed() throws Exception {
    for (String user : new String[] {"patient.1001", "emp.12345"}) {
      String token = stack.token(user);
      assertThat(stack.get("/api/spc/products", token).statusCode()).isEqualTo(403);
      assertThatThrownBy(() -> SocketClient.at(stack.gatewayUrl(), "/ws/spc/notifications/", token))
          .isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
      try (SocketClient pulse = stack.socket(user)) {
        JsonNode connected = pulse.next(f -> isType(f, "connected"), WAIT);
        assertThat(connected.path("channels").toString()).doesNotContain("spc:");
        pulse.send("{\"type\":\"subscribe\",\"channel\":\"spc:alerts\"}");
        assertThat(pulse.next(f -> isType(f, "error"), WAIT).path("code").asString()).isEqualTo("FORBIDDEN");
      }
    }
  }
}
