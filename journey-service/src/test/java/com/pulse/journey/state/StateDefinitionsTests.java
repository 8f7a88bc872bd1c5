package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The definitions document serializes, with a plain Jackson mapper, to exactly what seed 004's
 * {@code StateDefinitionsView} answers: same field names, values and order.
 */
class StateDefinitionsTests {

  /**
   * Written by hand from the seed, and checked once against the output of the seed's own Python code
   * ({@code state_definitions.py} and {@code StateDefinitionsView.get}, run as written). Note IN_PROGRESS: the seed's
   * serializer folds the patient's and the staff's {@code complete_exam} into one key.
   */
  private static final String SEED_DOCUMENT = """
      {"journey_states":["UNREGISTERED","ARRIVED","REGISTERED","WAITING","CALLED","IN_PROGRESS","COMPLETED",\
      "PAYMENT","FINISHED"],\
      "queue_states":["waiting","delayed","called","no_show","in_progress","completed","cancelled"],\
      "patient_actions":["scan_nfc","register","confirm_arrival","enter_exam_room","complete_exam","make_payment",\
      "leave_hospital"],\
      "staff_actions":["call_patient","start_exam","complete_exam","mark_no_show","cancel_appointment"],\
      "state_transitions":{\
      "UNREGISTERED":{"scan_nfc":"ARRIVED"},\
      "ARRIVED":{"register":"REGISTERED"},\
      "REGISTERED":{"confirm_arrival":"WAITING"},\
      "WAITING":{"call_patient":"CALLED","mark_no_show":"WAITING"},\
      "CALLED":{"enter_exam_room":"IN_PROGRESS","start_exam":"IN_PROGRESS","mark_no_show":"WAITING"},\
      "IN_PROGRESS":{"complete_exam":"COMPLETED"},\
      "COMPLETED":{"confirm_arrival":"WAITING","make_payment":"PAYMENT"},\
      "PAYMENT":{"make_payment":"FINISHED"},\
      "FINISHED":{"leave_hospital":"UNREGISTERED"}},\
      "mappings":{\
      "queue_to_journey":{"waiting":"WAITING","delayed":"WAITING","called":"CALLED","no_show":"WAITING",\
      "in_progress":"IN_PROGRESS","completed":"COMPLETED","cancelled":"COMPLETED"},\
      "journey_to_queue":{"WAITING":"waiting","CALLED":"called","IN_PROGRESS":"in_progress","COMPLETED":"completed"}}}\
      """;

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final StateDefinitions definitions = StateMachine.fromSeed().definitions();

  @Test
  void serializesToTheSeedsDocumentFieldForFieldInTheSeedsOrder() {
    assertThat(mapper.writeValueAsString(definitions)).isEqualTo(SEED_DOCUMENT);
  }

  @Test
  void readsBackAsTheSameDocument() {
    JsonNode tree = mapper.readTree(mapper.writeValueAsString(definitions));

    assertThat(tree).isEqualTo(mapper.readTree(SEED_DOCUMENT));
    assertThat(mapper.readValue(SEED_DOCUMENT, StateDefinitions.class)).isEqualTo(definitions);
  }

  @Test
  void agreesWithTheTranscriptionOfTheSeed() {
    assertThat(definitions.journey_states()).isEqualTo(SeedTranscription.JOURNEY_STATES);
    assertThat(definitions.queue_states()).isEqualTo(SeedTranscription.QUEUE_STATES);
    assertThat(definitions.patient_actions()).isEqualTo(SeedTranscription.PATIENT_ACTIONS);
    assertThat(definitions.staff_actions()).isEqualTo(SeedTranscription.STAFF_ACTIONS);
    SeedTranscription.TRANSITIONS.forEach(row -> assertThat(definitions.state_transitions().get(row.state()))
        .containsEntry(row.action(), row.target()));
    assertThat(definitions.state_transitions().values().stream().mapToInt(Map::size).sum())
        .as("14 rows, the two complete_exam rows folded into one key").isEqualTo(13);
    assertThat(definitions.mappings().queue_to_journey()).containsExactlyEntriesOf(SeedTranscription.QUEUE_TO_JOURNEY);
    assertThat(definitions.mappings().journey_to_queue()).containsExactlyEntriesOf(SeedTranscription.JOURNEY_TO_QUEUE);
  }

  @Test
  void cannotBeChangedByWhoeverHoldsIt() {
    assertThatThrownBy(() -> definitions.journey_states().add("ONGOING"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> definitions.state_transitions().get("WAITING").put("start_exam", "IN_PROGRESS"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> definitions.mappings().journey_to_queue().put("PAYMENT", "waiting"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(StateMachine.fromSeed().definitions()).isSameAs(definitions);
    assertThat(definitions.journey_states()).isEqualTo(List.copyOf(SeedTranscription.JOURNEY_STATES));
  }
}
