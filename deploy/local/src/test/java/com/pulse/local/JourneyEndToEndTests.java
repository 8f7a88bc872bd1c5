package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void theDemoMorningPutsPatientsInTheQueuesOnceAndOnlyOnAQuietHospital() {
    DemoJourney demo = new DemoJourney(stack.gatewayUrl());
    walkHome(demo); // the other tests of this stack take these patients on journeys of their own
    try {
      assertThat(demo.seedIfEmpty()).isEqualTo(DemoJourney.PATIENTS.size());
      Map<String, String> states = new LinkedHashMap<>();
      DemoJourney.PATIENTS.forEach(p -> states.put(p, demo.state(p)));
      assertThat(states).as("every patient where the morning leaves them").isEqualTo(DemoJourney.MORNING);
      assertThat(states.values()).contains("FINISHED", "PAYMENT", "COMPLETED", "IN_PROGRESS", "CALLED", "WAITING",
          "ARRIVED", "REGISTERED");
      assertThat(board("XRAY").path("called").findValuesAsString("patient_name")).containsExactly("김*수");
      assertThat(board("XRAY").path("now_serving").findValuesAsString("room")).containsExactly("X-ray room 2");
      assertThat(board("XRAY").path("waiting_count").asInt()).isEqualTo(5);
      assertThat(board("BLOOD").path("waiting").findValuesAsString("patient_name"))
          .containsExactly("황*우", "한*율", "오*호", "서*린", "신*현");
      assertThat(board("CT").path("waiting").findValuesAsString("patient_name"))
          .containsExactly("박*훈", "배*민", "백*아");
      assertThat(JSON.readTree(demo.journey("1003")).path("queue_details").findValuesAsString("exam_id"))
          .containsExactly("CT");
      HttpResponse<String> log = stack.get("/api/journey/patients/1003/transitions", stack.token("nurse.yoon"));
      assertThat(JSON.readTree(log.body()).findValuesAsString("action")).as("the blood test done before the CT")
          .contains("start_exam", "complete_exam");
      assertThat(demo.seedIfEmpty()).as("patients on their way: nothing added").isZero();
    } finally {
      walkHome(demo);
    }
  }

  private JsonNode board(String examId) {
    HttpResponse<String> board = stack.get("/api/journey/queues/" + examId, stack.token("nurse.yoon"));
    assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
    return JSON.readTree(board.body());
  }

  /**
   * Takes the demo patients forward through the table until each is UNREGISTERED again (home). One at home stays
   * there, so later rounds ask only about the others (the nurse's requests stay well inside her rate limit).
   */
  private static void walkHome(DemoJourney demo) {
    List<String> away = new ArrayList<>(DemoJourney.PATIENTS);
    for (int round = 0; round < 20; round++) {
      for (String patient : List.copyOf(away)) {
        JsonNode journey = JSON.readTree(demo.journey(patient));
        String state = journey.path("journey_state").asString();
        if (state.equals("UNREGISTERED")) {
          away.remove(patient);
        }
        switch (state) {
          case "ARRIVED" -> demo.act(patient, "register", null);
          case "REGISTERED" -> demo.act(patient, "confirm_arrival", "{\"exam_id\":\"BLOOD\"}");
          case "WAITING" -> {
            String exam = journey.path("queue_details").valueStream()
                .filter(q -> List.of("waiting", "delayed", "no_show").contains(q.path("state").asString()))
                .map(q -> q.path("exam_id").asString()).findFirst().orElseThrow();
            demo.staff("queues/" + exam + "/call-next", "{}");
          }
          case "CALLED" -> demo.act(patient, "enter_exam_room", null);
          case "IN_PROGRESS" -> demo.act(patient, "complete_exam", null);
          case "COMPLETED", "PAYMENT" -> demo.act(patient, "make_payment", null);
          case "FINISHED" -> demo.act(patient, "leave_hospital", null);
          default -> { }
        }
      }
      if (away.isEmpty()) {
        return;
      }
    }
    throw new AssertionError("the demo patients did not get home");
  }
}
