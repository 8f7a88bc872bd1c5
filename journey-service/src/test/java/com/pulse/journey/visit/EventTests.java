package com.pulse.journey.visit;

import static com.pulse.journey.visit.JourneyClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Topics;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The events of a visit: in order per patient and per queue, addressed as issue 13 says, and never ahead of the data
 * (on each event, the API already shows the state it announces).
 */
@PulseIntegrationTest
class EventTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aPatientsEventsArriveInOrderAfterTheirData() {
    String kafka = TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers();
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(1);
    TestUser patient = api.newPatient();
    try (TopicReader patients = TopicReader.atEnd(kafka, Topics.JOURNEY_PATIENTS);
        TopicReader queues = TopicReader.atEnd(kafka, Topics.JOURNEY_QUEUES)) {
      api.toWaiting(patient, exam);
      List<JsonNode> states = events(patients.await(3, r -> patient.patientId().equals(r.key()), WAIT));
      for (JsonNode event : states) {
        // read-after-notify: the log already has the change the event announces
        assertThat(ok(api.get("/api/journey/patients/" + patient.patientId() + "/transitions",
            TestUser.NURSE_YOON)).findValuesAsString("to_state")).contains(event.path("data").path("to_state")
            .asString());
      }
      assertThat(states).extracting(e -> e.path("data").path("to_state").asString())
          .containsExactly("ARRIVED", "REGISTERED", "WAITING");
      assertThat(states).extracting(e -> e.path("sequence").asString())
          .containsExactly("0000000000000000001", "0000000000000000002", "0000000000000000003");
      assertThat(states.getLast().path("audience").asString()).isEqualTo("journey:patient:" + patient.patientId());
      assertThat(states.getLast().path("data").path("available_actions").path("staff").toString())
          .isEqualTo("[\"call_patient\",\"mark_no_show\"]");

      ok(api.post("/api/journey/queues/" + exam + "/call-next", "", TestUser.NURSE_YOON));
      List<JsonNode> all = events(patients.await(5, r -> patient.patientId().equals(r.key()), WAIT));
      JsonNode called = all.getLast();
      assertThat(called.path("type").asString()).isEqualTo("journey.patient.called");
      assertThat(called.path("audience").asString())
          .isEqualTo("journey:patient:" + patient.patientId() + ",user:" + patient.id());
      assertThat(called.path("data").path("queue_number").asInt()).isEqualTo(1);
      assertThat(called.path("data").path("room_id").asString()).isEqualTo(exam + "-1");
      assertThat(api.journeyState(patient.patientId())).isEqualTo("CALLED");

      List<JsonNode> boards = events(queues.await(2, r -> exam.equals(r.key()), WAIT));
      assertThat(boards).extracting(e -> e.path("sequence").asString())
          .containsExactly("0000000000000000001", "0000000000000000002");
      assertThat(boards.getFirst().path("data").path("waiting_count").asInt()).isEqualTo(1);
      assertThat(boards.getLast().path("data").path("called").get(0).path("patient_name").asString())
          .isEqualTo("홍*동");
      assertThat(boards.getLast().path("audience").asString()).isEqualTo("journey:queue:" + exam);
    }
  }

  @Test
  void aRefusedActionAnnouncesNothing() {
    String kafka = TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers();
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.newPatient();
    try (TopicReader patients = TopicReader.atEnd(kafka, Topics.JOURNEY_PATIENTS)) {
      assertThat(api.patientAct(patient, "make_payment", null).statusCode()).isEqualTo(409);
      ok(api.patientAct(patient, "scan_nfc", null));

      // the marker: the allowed action's event arrives, and nothing before it
      assertThat(events(patients.await(1, r -> patient.patientId().equals(r.key()), WAIT)))
          .extracting(e -> e.path("data").path("action").asString()).containsExactly("scan_nfc");
    }
  }

  private static List<JsonNode> events(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(r -> JourneyClient.JSON.readTree(r.value())).toList();
  }
}
