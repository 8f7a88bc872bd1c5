package com.pulse.journey.consistency;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the check found.
 *
 * @param mismatches patients whose active entry maps to another journey state than theirs
 * @param orphans patients WAITING, CALLED or IN_PROGRESS without an active entry
 * @param several_active_entries patients with more than one active entry
 * @param invalid_transitions log rows the table does not allow
 * @param state_distribution how many patients are in each journey state (every state listed)
 */
public record ConsistencyReport(Instant checked_at, int patients_checked, List<PatientFinding> mismatches,
    List<PatientFinding> orphans, List<PatientFinding> several_active_entries,
    List<InvalidTransition> invalid_transitions, Map<String, Long> state_distribution, boolean healthy) {

  /** @param active_entry_states the states of the patient's active entries */
  public record PatientFinding(String patient_id, String journey_state, List<String> active_entry_states) {}

  public record InvalidTransition(long id, String patient_id, String actor, String action, String from_state,
      String to_state, String trigger) {}
}
