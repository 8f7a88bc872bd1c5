package com.pulse.journey.state;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Whether a patient's journey state agrees with their queue entries, as seed 004's {@code check_state_health} asks:
 * the active entry's state must map ({@code queue_to_journey}) to the journey state, and a patient who is WAITING,
 * CALLED or IN_PROGRESS must have an active entry. By construction the service never produces anything but
 * {@link #CONSISTENT}; the check is there for what it did not construct.
 */
public enum Consistency {
  CONSISTENT,
  /** The active entry's state maps to another journey state than the patient's. */
  MISMATCH,
  /** The patient is in a state that needs an active entry, and has none. */
  ORPHANED,
  /** More than one active entry: the journey can follow only one. */
  SEVERAL_ACTIVE_ENTRIES;

  /**
   * @param journey the patient's journey state
   * @param entryStates the states of the patient's entries today, in any order, finished ones included or not
   */
  public static Consistency of(JourneyState journey, Collection<QueueState> entryStates) {
    StateMachine machine = StateMachine.fromSeed();
    List<QueueState> active = entryStates.stream().filter(QueueState::isActive).toList();
    if (active.size() > 1) {
      return SEVERAL_ACTIVE_ENTRIES;
    }
    if (active.size() == 1) {
      return machine.journeyStateOf(active.getFirst()) == journey ? CONSISTENT : MISMATCH;
    }
    boolean needsEntry = Arrays.stream(QueueState.values()).filter(QueueState::isActive)
        .anyMatch(q -> machine.journeyStateOf(q) == journey);
    return needsEntry ? ORPHANED : CONSISTENT;
  }
}
