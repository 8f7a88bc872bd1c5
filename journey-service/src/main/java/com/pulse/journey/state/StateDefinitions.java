package com.pulse.journey.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public definitions document of seed 004 ({@code GET /api/journey/state-definitions}), so that front-ends read
 * the table instead of copying it. The components are named in snake_case on purpose: they are the seed's JSON field
 * names (and its TypeScript {@code StateDefinitions} interface), so any Jackson mapper writes exactly the seed's
 * shape without annotations or a naming strategy. Maps keep the table's order.
 *
 * @param journey_states every journey state, upper case, in the seed's order
 * @param queue_states every queue entry state, lower case, in the seed's order
 * @param patient_actions the patient's action names in the seed's order
 * @param staff_actions the staff's action names in the seed's order ({@code complete_exam} is in both lists)
 * @param state_transitions state → (action name → target state), the table's rows in order
 * @param mappings the queue↔journey mappings
 */
public record StateDefinitions(
    List<String> journey_states,
    List<String> queue_states,
    List<String> patient_actions,
    List<String> staff_actions,
    Map<String, Map<String, String>> state_transitions,
    Mappings mappings) {

  public StateDefinitions {
    journey_states = List.copyOf(journey_states);
    queue_states = List.copyOf(queue_states);
    patient_actions = List.copyOf(patient_actions);
    staff_actions = List.copyOf(staff_actions);
    Map<String, Map<String, String>> transitions = new LinkedHashMap<>();
    state_transitions.forEach((state, row) -> transitions.put(state, ordered(row)));
    state_transitions = Collections.unmodifiableMap(transitions);
  }

  /**
   * @param queue_to_journey queue entry state → journey state, every queue state
   * @param journey_to_queue journey state → queue entry state, only the states that have an entry
   */
  public record Mappings(Map<String, String> queue_to_journey, Map<String, String> journey_to_queue) {

    public Mappings {
      queue_to_journey = ordered(queue_to_journey);
      journey_to_queue = ordered(journey_to_queue);
    }
  }

  /** An unmodifiable copy that keeps the order ({@code Map.copyOf} would not). */
  private static Map<String, String> ordered(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
