package com.pulse.journey.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.journey.state.Action;
import com.pulse.journey.state.Actor;
import com.pulse.journey.state.Decision;
import com.pulse.journey.state.JourneyState;
import com.pulse.journey.state.StateMachine;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every (state, action) pair of seed 004's table through the API, read from the table itself: allowed ones answer
 * 200 with the table's target (and the entry's state by journey_to_queue), refused ones 409 naming the current state
 * and the available actions, and change nothing. 9 states × 12 actions.
 */
@PulseIntegrationTest
class TransitionTableApiTests {

  private final StateMachine machine = StateMachine.fromSeed();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @TestFactory
  Stream<DynamicTest> everyStateAndActionAsTheTableSays() {
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(1);
    return Arrays.stream(JourneyState.values()).flatMap(state -> Arrays.stream(Action.values())
        .map(action -> DynamicTest.dynamicTest(state + " " + action.actor().wireName() + ":" + action.wireName(),
            () -> check(api, exam, state, action))));
  }

  private void check(JourneyClient api, String exam, JourneyState state, Action action) {
    TestUser patient = api.inState(state.wireName(), exam);
    String payload = action == Action.CONFIRM_ARRIVAL ? "{\"exam_id\":\"" + exam + "\"}" : null;
    HttpResponse<String> answer = action.actor() == Actor.PATIENT
        ? api.patientAct(patient, action.wireName(), payload)
        : api.staffAct(TestUser.NURSE_YOON, patient.patientId(), action.wireName(), payload);
    JsonNode body = JourneyClient.json(answer);
    if (machine.decide(state, action, 0) instanceof Decision.Allowed allowed) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(body.path("journey_state").asString()).isEqualTo(allowed.to().wireName());
      assertThat(api.journeyState(patient.patientId())).isEqualTo(allowed.to().wireName());
      allowed.entryState().ifPresent(entry -> assertThat(body.path("queue_details").findValuesAsString("state"))
          .isEqualTo(entry.isActive() ? List.of(entry.wireName()) : List.of()));
      assertThat(body.path("available_actions").valueStream().map(JsonNode::asString).toList())
          .isEqualTo(machine.availableActionNames(allowed.to(), action.actor()));
    } else {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(body.path("current_state").asString()).isEqualTo(state.wireName());
      assertThat(body.path("available_actions").valueStream().map(JsonNode::asString).toList())
          .isEqualTo(machine.availableActionNames(state, action.actor()));
      assertThat(body.path("detail").asString()).contains(state.wireName()).contains(action.wireName());
      assertThat(api.journeyState(patient.patientId())).isEqualTo(state.wireName());
      assertThat(jdbc.sql("select count(*) from journey_transition where patient_id = ?")
          .param(patient.patientId()).query(Long.class).single()).isZero();
    }
  }

  @Test
  void anUnknownActionIs400NamingTheField() {
    JourneyClient api = new JourneyClient(port, jdbc);
    HttpResponse<String> answer = api.patientAct(api.newPatient(), "teleport", null);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JourneyClient.json(answer).path("errors").get(0).path("field").asString()).isEqualTo("action_type");
  }

  @Test
  void theOtherSidesActionIs403() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.inState("WAITING", api.newExam(1));

    assertThat(api.patientAct(patient, "call_patient", null).statusCode()).isEqualTo(403);
    assertThat(api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "register", null).statusCode())
        .isEqualTo(403);
    assertThat(api.journeyState(patient.patientId())).isEqualTo("WAITING");
  }

  @Test
  void joiningAQueueNeedsAnExamThatExists() {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.inState("REGISTERED", null);

    HttpResponse<String> missing = api.patientAct(patient, "confirm_arrival", null);
    HttpResponse<String> unknown = api.patientAct(patient, "confirm_arrival", "{\"exam_id\":\"NOPE\"}");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JourneyClient.json(missing).path("errors").get(0).path("field").asString())
        .isEqualTo("payload.exam_id");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(api.journeyState(patient.patientId())).isEqualTo("REGISTERED");
  }
}
