package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient's morning on the real local stack, through the gateway only: the kiosk's simple login, the seed's
 * patient socket forwarding actions to journey-service, staff calling from the queue, the board and the public table.
 */
@ExtendWith(RunningStack.class)
class JourneyEndToEndTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StackClient stack = RunningStack.client();

  @Test
  void aKioskLoginThenTheSocketCarriesThePatientThroughArrivalToACall() throws Exception {
    HttpResponse<String> login = stack.post("/auth/simple-login",
        "{\"phoneLast4\":\"1003\",\"birthDate\":\"1990-09-09\"}", null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = JSON.readTree(login.body()).path("access_token").asString();

    try (SocketClient socket = SocketClient.at(stack.gatewayUrl(), "/ws/patient-journey/", token)) {
      JsonNode initial = socket.next(f -> f.path("type").asString().equals("initial_state"), WAIT);
      assertThat(initial).isNotNull();
      assertThat(initial.path("payload").path("appointments").findValuesAsString("exam_id")).contains("BLOOD");

      for (String action : new String[] {"scan_nfc", "register"}) {
        socket.send("{\"command\":\"perform_action\",\"action_type\":\"" + action + "\"}");
        assertThat(socket.next(f -> f.path("type").asString().equals("action_result"), WAIT).path("success")
            .asBoolean()).as(action).isTrue();
      }
      socket.send("{\"command\":\"perform_action\",\"action_type\":\"confirm_arrival\","
          + "\"payload\":{\"exam_id\":\"BLOOD\"}}");
      assertThat(socket.next(f -> f.path("type").asString().equals("state_update")
          && f.path("payload").path("journey_state").asString().equals("WAITING"), WAIT)).isNotNull();

      JsonNode called = stack.postAs("nurse.yoon", "/api/journey/queues/BLOOD/call-next", "{}", 200);
      assertThat(called.path("patient_id").asString()).isEqualTo("1003");
      assertThat(socket.next(f -> f.path("type").asString().equals("patient_called"), WAIT).path("payload")
          .path("room_id").asString()).isEqualTo("BLOOD-1");
    }
    HttpResponse<String> board = stack.get("/api/journey/queues/BLOOD", stack.token("nurse.yoon"));
    assertThat(JSON.readTree(board.body()).path("called").findValuesAsString("patient_name")).contains("박*훈");
    assertThat(stack.get("/api/journey/queues/BLOOD", stack.token("display.xray")).statusCode()).isEqualTo(403);
  }

  @Test
  void severalMatchingPatientsAre409AndTheTransitionTableNeedsNoToken() throws Exception {
    assertThat(stack.post("/auth/simple-login", "{\"phoneLast4\":\"2002\",\"birthDate\":\"1975-05-05\"}", null)
        .statusCode()).isEqualTo(409);
    HttpResponse<String> table = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(stack.gatewayUrl() + "/api/journey/state-definitions")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(table.body()).path("state_transitions").path("UNREGISTERED").path("scan_nfc")
        .asString()).isEqualTo("ARRIVED");
  }
}
