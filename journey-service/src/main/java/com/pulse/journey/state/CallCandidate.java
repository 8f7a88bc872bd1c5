package com.pulse.journey.state;

import java.time.Instant;

/**
 * One queue entry as the call order sees it.
 *
 * @param entryId the service's id of the entry, whatever its type
 * @param state the entry's state; only those that wait in line ({@code queue_to_journey} = WAITING: waiting, delayed,
 *     no_show) are in the line
 * @param priority higher is called first; 0 for everyone without a reason to go first
 * @param arrivedAt when the patient joined this line
 * @param queueNumber the number the patient was given on joining; breaks ties of {@code arrivedAt}
 * @param heldUntil not called before this instant, but keeps the place (delayed); null if not held
 */
public record CallCandidate<K>(K entryId, QueueState state, int priority, Instant arrivedAt, int queueNumber,
    Instant heldUntil) {

  public CallCandidate {
    if (entryId == null || state == null || arrivedAt == null) {
      throw new IllegalArgumentException("a candidate needs an id, a state and its arrival");
    }
  }

  /** Whether it may be called at {@code now}: the hold, if any, has run out. */
  public boolean callableAt(Instant now) {
    return heldUntil == null || !now.isBefore(heldUntil);
  }
}
