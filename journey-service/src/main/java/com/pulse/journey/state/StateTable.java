package com.pulse.journey.state;

import static com.pulse.journey.state.Action.CALL_PATIENT;
import static com.pulse.journey.state.Action.CONFIRM_ARRIVAL;
import static com.pulse.journey.state.Action.ENTER_EXAM_ROOM;
import static com.pulse.journey.state.Action.LEAVE_HOSPITAL;
import static com.pulse.journey.state.Action.MAKE_PAYMENT;
import static com.pulse.journey.state.Action.MARK_NO_SHOW;
import static com.pulse.journey.state.Action.PATIENT_COMPLETE_EXAM;
import static com.pulse.journey.state.Action.REGISTER;
import static com.pulse.journey.state.Action.SCAN_NFC;
import static com.pulse.journey.state.Action.STAFF_COMPLETE_EXAM;
import static com.pulse.journey.state.Action.START_EXAM;
import static com.pulse.journey.state.JourneyState.ARRIVED;
import static com.pulse.journey.state.JourneyState.CALLED;
import static com.pulse.journey.state.JourneyState.COMPLETED;
import static com.pulse.journey.state.JourneyState.FINISHED;
import static com.pulse.journey.state.JourneyState.IN_PROGRESS;
import static com.pulse.journey.state.JourneyState.PAYMENT;
import static com.pulse.journey.state.JourneyState.REGISTERED;
import static com.pulse.journey.state.JourneyState.UNREGISTERED;
import static com.pulse.journey.state.JourneyState.WAITING;
import static java.util.Map.entry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 004's {@code STATE_TRANSITIONS}, {@code QUEUE_TO_JOURNEY_MAPPING} and {@code JOURNEY_TO_QUEUE_MAPPING}, row for
 * row and in the seed's order: the only place a transition or a mapping is written down.
 *
 * <p>Java rather than a JSON resource: every state and action here is an enum constant, so a misspelt state or an
 * action given to the wrong actor does not compile, whereas a resource file would need a parser and a loader (I/O in
 * a package that promises none) and would fail only when read. Front-ends still get JSON:
 * {@link StateMachine#definitions()} is this table in the seed's shape. Nothing but {@link StateMachine} reads this
 * class.
 */
final class StateTable {

  private StateTable() {}

  /** {@code STATE_TRANSITIONS}; the seed's Korean comments translated. 14 rows. */
  static final List<Transition> TRANSITIONS = List.of(
      new Transition(UNREGISTERED, SCAN_NFC, ARRIVED),
      new Transition(ARRIVED, REGISTER, REGISTERED),
      new Transition(REGISTERED, CONFIRM_ARRIVAL, WAITING),
      new Transition(WAITING, CALL_PATIENT, CALLED),
      new Transition(WAITING, MARK_NO_SHOW, WAITING), // "state kept"
      new Transition(CALLED, ENTER_EXAM_ROOM, IN_PROGRESS),
      new Transition(CALLED, START_EXAM, IN_PROGRESS),
      new Transition(CALLED, MARK_NO_SHOW, WAITING), // "waiting again"
      new Transition(IN_PROGRESS, PATIENT_COMPLETE_EXAM, COMPLETED),
      new Transition(IN_PROGRESS, STAFF_COMPLETE_EXAM, COMPLETED),
      new Transition(COMPLETED, CONFIRM_ARRIVAL, WAITING), // "next exam"
      new Transition(COMPLETED, MAKE_PAYMENT, PAYMENT),
      new Transition(PAYMENT, MAKE_PAYMENT, FINISHED),
      new Transition(FINISHED, LEAVE_HOSPITAL, UNREGISTERED));

  /** {@code QUEUE_TO_JOURNEY_MAPPING}: the journey state that goes with a queue entry's state. Covers every state. */
  static final Map<QueueState, JourneyState> QUEUE_TO_JOURNEY = ordered(List.of(
      entry(QueueState.WAITING, WAITING),
      entry(QueueState.DELAYED, WAITING),
      entry(QueueState.CALLED, CALLED),
      entry(QueueState.NO_SHOW, WAITING),
      entry(QueueState.IN_PROGRESS, IN_PROGRESS),
      entry(QueueState.COMPLETED, COMPLETED),
      entry(QueueState.CANCELLED, COMPLETED)));

  /** {@code JOURNEY_TO_QUEUE_MAPPING}: the queue entry state a journey state puts the patient's entry in. */
  static final Map<JourneyState, QueueState> JOURNEY_TO_QUEUE = ordered(List.of(
      entry(WAITING, QueueState.WAITING),
      entry(CALLED, QueueState.CALLED),
      entry(IN_PROGRESS, QueueState.IN_PROGRESS),
      entry(COMPLETED, QueueState.COMPLETED)));

  /** Keeps the seed's order, which the published mappings repeat. */
  private static <K, V> Map<K, V> ordered(List<Map.Entry<K, V>> entries) {
    Map<K, V> map = new LinkedHashMap<>();
    entries.forEach(e -> map.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(map);
  }
}
