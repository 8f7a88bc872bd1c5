package com.pulse.journey.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 004's state machine, read from {@link StateTable}: decides an action (target journey state and queue entry
 * state, or a refusal naming the state and the allowed actions), lists the available actions, maps queue states to
 * journey states and back, and publishes the table as the seed's definitions document. Immutable and thread-safe;
 * {@link #fromSeed()} is the one instance.
 *
 * <p>Beyond the seed's table it applies one rule from issue 13: a second no-show cancels the entry
 * ({@link #decide(JourneyState, Action, int)}). Everything it answers is a function of its arguments.
 */
public final class StateMachine {

  /** Issue 13: "a second no-show cancels the entry". */
  static final int NO_SHOWS_THAT_CANCEL = 2;

  private static final StateMachine SEED =
      new StateMachine(StateTable.TRANSITIONS, StateTable.QUEUE_TO_JOURNEY, StateTable.JOURNEY_TO_QUEUE);

  private final List<Transition> transitions;
  private final Map<JourneyState, Map<Action, JourneyState>> targets = new EnumMap<>(JourneyState.class);
  private final Map<QueueState, JourneyState> queueToJourney;
  private final Map<JourneyState, QueueState> journeyToQueue;
  private final StateDefinitions definitions;

  /** Checks the table: one row per (state, action), every queue state mapped, one target per (state, wire name). */
  StateMachine(List<Transition> transitions, Map<QueueState, JourneyState> queueToJourney,
      Map<JourneyState, QueueState> journeyToQueue) {
    this.transitions = List.copyOf(transitions);
    for (Transition t : this.transitions) {
      JourneyState earlier = targets.computeIfAbsent(t.from(), s -> new LinkedHashMap<>()).putIfAbsent(t.action(),
          t.to());
      if (earlier != null) {
        throw new IllegalArgumentException("two rows for " + t.action() + " in " + t.from());
      }
    }
    Set<QueueState> unmapped = EnumSet.allOf(QueueState.class);
    unmapped.removeAll(queueToJourney.keySet());
    if (!unmapped.isEmpty()) {
      throw new IllegalArgumentException("queue states without a journey state: " + unmapped);
    }
    this.queueToJourney = Collections.unmodifiableMap(new LinkedHashMap<>(queueToJourney));
    this.journeyToQueue = Collections.unmodifiableMap(new LinkedHashMap<>(journeyToQueue));
    this.definitions = publish();
  }

  /** The machine of seed 004's table. */
  public static StateMachine fromSeed() {
    return SEED;
  }

  /** The table's rows in the seed's order, e.g. for a transition-log check or documentation. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** The target of (current state, action) as the table has it; empty if the table has no such row. */
  public Optional<JourneyState> target(JourneyState current, Action action) {
    return Optional.ofNullable(targets.getOrDefault(current, Map.of()).get(action));
  }

  /**
   * Decides an action as a client sends it: the actor from the caller's role, the wire name from
   * {@code action_type}. An unknown name or the other actor's action is refused like one the state does not allow,
   * with its own {@link Decision.Reason}.
   *
   * @param noShowsSoFar how often this patient's current entry was marked no-show before (0 if never or no entry)
   */
  public Decision decide(JourneyState current, Actor actor, String actionName, int noShowsSoFar) {
    requireCount(noShowsSoFar);
    Optional<Action> action = Action.find(actor, actionName);
    if (action.isEmpty()) {
      Decision.Reason reason = Action.actorsNamed(actionName).isEmpty() ? Decision.Reason.UNKNOWN_ACTION
          : Decision.Reason.OTHER_ACTORS_ACTION;
      return new Decision.Refused(current, actor, actionName, reason, availableActions(current, actor));
    }
    return decide(current, action.get(), noShowsSoFar);
  }

  /**
   * Decides a known action: the table's target, and the queue entry state that goes with it
   * ({@code journey_to_queue} of the target). {@code mark_no_show} is the exception: the first no-show leaves the
   * patient where the table says (WAITING) with the entry {@code no_show}, still in line; the second cancels the
   * entry, and the journey follows the cancelled entry as {@code queue_to_journey} says (COMPLETED: next exam or
   * payment). See STATE-MODEL.md.
   *
   * @param noShowsSoFar how often this patient's current entry was marked no-show before (0 if never or no entry)
   */
  public Decision decide(JourneyState current, Action action, int noShowsSoFar) {
    requireCount(noShowsSoFar);
    Optional<JourneyState> to = target(current, action);
    if (to.isEmpty()) {
      return new Decision.Refused(current, action.actor(), action.wireName(), Decision.Reason.NOT_ALLOWED_NOW,
          availableActions(current, action.actor()));
    }
    if (action != Action.MARK_NO_SHOW) {
      return new Decision.Allowed(current, action, to.get(), queueStateOf(to.get()));
    }
    if (noShowsSoFar + 1 < NO_SHOWS_THAT_CANCEL) {
      return new Decision.Allowed(current, action, to.get(), Optional.of(QueueState.NO_SHOW));
    }
    return new Decision.Allowed(current, action, journeyStateOf(QueueState.CANCELLED),
        Optional.of(QueueState.CANCELLED));
  }

  /** What the actor may do in this state, in the table's order; empty if nothing. */
  public List<Action> availableActions(JourneyState state, Actor actor) {
    return targets.getOrDefault(state, Map.of()).keySet().stream().filter(a -> a.actor() == actor).toList();
  }

  /** {@link #availableActions} by wire name, for {@code available_actions}. */
  public List<String> availableActionNames(JourneyState state, Actor actor) {
    return availableActions(state, actor).stream().map(Action::wireName).toList();
  }

  /** {@code queue_to_journey}: the journey state a patient whose active entry is in this state must be in. */
  public JourneyState journeyStateOf(QueueState queueState) {
    return queueToJourney.get(queueState);
  }

  /**
   * {@code journey_to_queue}: the state this journey state puts the patient's entry in; empty for the states without
   * an entry (UNREGISTERED, ARRIVED, REGISTERED, PAYMENT, FINISHED).
   */
  public Optional<QueueState> queueStateOf(JourneyState journeyState) {
    return Optional.ofNullable(journeyToQueue.get(journeyState));
  }

  /** The public definitions document (seed 004's {@code StateDefinitionsView}), built once from the table. */
  public StateDefinitions definitions() {
    return definitions;
  }

  /**
   * The seed's shape keys transitions by wire name only, so the patient's and the staff's {@code complete_exam} in
   * IN_PROGRESS become one entry, as the seed's own serializer makes them. That is lossless only while both lead to
   * the same state; a table where they would not is rejected here rather than published wrongly.
   */
  private StateDefinitions publish() {
    Map<String, Map<String, String>> byState = new LinkedHashMap<>();
    for (Transition t : transitions) {
      Map<String, String> row = byState.computeIfAbsent(t.from().wireName(), s -> new LinkedHashMap<>());
      String earlier = row.putIfAbsent(t.action().wireName(), t.to().wireName());
      if (earlier != null && !earlier.equals(t.to().wireName())) {
        throw new IllegalArgumentException("'" + t.action().wireName() + "' in " + t.from() + " leads to " + earlier
            + " for one actor and to " + t.to() + " for the other; the published shape cannot say that");
      }
    }
    Map<String, String> q2j = new LinkedHashMap<>();
    queueToJourney.forEach((q, j) -> q2j.put(q.wireName(), j.wireName()));
    Map<String, String> j2q = new LinkedHashMap<>();
    journeyToQueue.forEach((j, q) -> j2q.put(j.wireName(), q.wireName()));
    return new StateDefinitions(
        Arrays.stream(JourneyState.values()).map(JourneyState::wireName).toList(),
        Arrays.stream(QueueState.values()).map(QueueState::wireName).toList(),
        names(Action.byActor(Actor.PATIENT)),
        names(Action.byActor(Actor.STAFF)),
        byState,
        new StateDefinitions.Mappings(q2j, j2q));
  }

  private static void requireCount(int noShowsSoFar) {
    if (noShowsSoFar < 0) {
      throw new IllegalArgumentException("noShowsSoFar must not be negative: " + noShowsSoFar);
    }
  }

  private static List<String> names(List<Action> actions) {
    return actions.stream().map(Action::wireName).toList();
  }
}
