package com.pulse.journey.state;

import java.util.List;
import java.util.Optional;

/**
 * The state machine's answer to one action: {@link Allowed} with where the journey and the queue entry go, or
 * {@link Refused} with why and what would have been allowed. Nothing has changed either way; the caller applies an
 * {@code Allowed} in one transaction.
 */
public sealed interface Decision {

  /** The journey state the action was asked in. */
  JourneyState current();

  /**
   * The action may go ahead.
   *
   * @param entryState what the patient's queue entry becomes: for {@code confirm_arrival} the new entry in the exam
   *     the payload names, otherwise the active entry; empty when the action does not touch a queue entry
   *     ({@code scan_nfc}, {@code register}, {@code make_payment}, {@code leave_hospital})
   */
  record Allowed(JourneyState current, Action action, JourneyState to, Optional<QueueState> entryState)
      implements Decision {

    /** False for the seed's one self-transition, {@code mark_no_show} while WAITING: logged, but no new state. */
    public boolean changesState() {
      return current != to;
    }
  }

  /**
   * The action may not go ahead.
   *
   * @param actionName the wire name as asked, also when unknown
   * @param allowedActions what the actor may do in {@code current}, in the table's order; empty if nothing
   */
  record Refused(JourneyState current, Actor actor, String actionName, Reason reason, List<Action> allowedActions)
      implements Decision {

    public Refused {
      allowedActions = List.copyOf(allowedActions);
    }

    /** The allowed actions by wire name, for {@code available_actions} in a problem body. */
    public List<String> allowedActionNames() {
      return allowedActions.stream().map(Action::wireName).toList();
    }

    /** One sentence for a problem's {@code detail}: names the state, the action and what is allowed now. */
    public String detail() {
      String allowed = allowedActions.isEmpty() ? "nothing" : String.join(", ", allowedActionNames());
      String now = " The patient is " + current + "; allowed now for " + actor.wireName() + ": " + allowed + ".";
      return switch (reason) {
        case UNKNOWN_ACTION -> "Unknown action '" + actionName + "'." + now;
        case OTHER_ACTORS_ACTION -> "'" + actionName + "' is not a " + actor.wireName() + " action." + now;
        case NOT_ALLOWED_NOW -> "'" + actionName + "' is not allowed now." + now;
      };
    }
  }

  /** Why an action was refused; each maps to its own HTTP status. */
  enum Reason {
    /** No actor has an action of that name (400). */
    UNKNOWN_ACTION,
    /** The name is the other actor's action, e.g. a patient sending {@code call_patient} (403). */
    OTHER_ACTORS_ACTION,
    /** A valid action of this actor, but the table does not allow it in the current state (409). */
    NOT_ALLOWED_NOW
  }
}
