package com.pulse.notification.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Priority;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The journey dialects' frames, built from the contract's own example events (common-events). */
class JourneyDialectTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Position POSITION = new Position("journey.patients.v1", 0, 3);

  @Test
  void aStateChangeIsTheSeedsStateUpdate() {
    JsonNode frame = JSON.readTree(PatientJourneyDialect.frame(example("journey.patient.state-changed")));

    assertThat(frame.path("type").asString()).isEqualTo("state_update");
    assertThat(frame.path("payload").path("journey_state").asString()).isEqualTo("WAITING");
    assertThat(frame.path("payload").path("action").asString()).isEqualTo("confirm_arrival");
    assertThat(frame.path("payload").path("timestamp").asString()).isEqualTo("2026-12-02T00:12:03.208Z");
  }

  @Test
  void aCallCarriesWhereToGo() {
    JsonNode frame = JSON.readTree(PatientJourneyDialect.frame(example("journey.patient.called")));

    assertThat(frame.path("type").asString()).isEqualTo("patient_called");
    assertThat(frame.path("payload").path("room").asString()).isEqualTo("X-ray room 1");
  }

  @Test
  void aBoardIsTheSeedsQueueUpdateAndOnlyThere() {
    StreamEvent board = example("journey.queue.updated");
    JsonNode frame = JSON.readTree(QueueBoardDialect.frame(board));

    assertThat(frame.path("type").asString()).isEqualTo("queue.update");
    assertThat(frame.path("data").path("waiting_count").asInt()).isEqualTo(2);
    assertThat(frame.path("sequence").asString()).isEqualTo("0000000000000000012");
    assertThat(PatientJourneyDialect.frame(board)).isNull();
    assertThat(QueueBoardDialect.frame(example("journey.patient.state-changed"))).isNull();
    assertThat(PatientJourneyDialect.frame(example("ocs.order.created"))).isNull();
  }

  private static StreamEvent example(String type) {
    try (InputStream in = JourneyDialectTests.class.getClassLoader().getResourceAsStream("examples/" + type
        + ".json")) {
      assertThat(in).as("the contract's example of " + type).isNotNull();
      byte[] raw = in.readAllBytes();
      JsonNode event = JSON.readTree(raw);
      return new StreamEvent(POSITION, raw, event.path("id").asString(), type, event.path("subject").asString(null),
          Instant.parse(event.path("time").asString()), List.of(event.path("audience").asString()),
          Priority.NORMAL, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
