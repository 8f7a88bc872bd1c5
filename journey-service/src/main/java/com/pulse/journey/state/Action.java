package com.pulse.journey.state;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a client may ask for; the server alone decides the resulting state ({@link StateMachine}). Each constant is a
 * pair (actor, wire name), exactly as seed 004 has one {@code PatientAction} list and one {@code StaffAction} list:
 * {@code complete_exam} is in both, so it is two actions here, {@link #PATIENT_COMPLETE_EXAM} and
 * {@link #STAFF_COMPLETE_EXAM}. Declared per actor in the seed's order, which is the order of the published
 * {@code patient_actions} and {@code staff_actions}.
 */
public enum Action {
  SCAN_NFC(Actor.PATIENT, "scan_nfc"),
  REGISTER(Actor.PATIENT, "register"),
  CONFIRM_ARRIVAL(Actor.PATIENT, "confirm_arrival"),
  ENTER_EXAM_ROOM(Actor.PATIENT, "enter_exam_room"),
  PATIENT_COMPLETE_EXAM(Actor.PATIENT, "complete_exam"),
  MAKE_PAYMENT(Actor.PATIENT, "make_payment"),
  LEAVE_HOSPITAL(Actor.PATIENT, "leave_hospital"),

  CALL_PATIENT(Actor.STAFF, "call_patient"),
  START_EXAM(Actor.STAFF, "start_exam"),
  STAFF_COMPLETE_EXAM(Actor.STAFF, "complete_exam"),
  MARK_NO_SHOW(Actor.STAFF, "mark_no_show"),
  CANCEL_APPOINTMENT(Actor.STAFF, "cancel_appointment");

  private final Actor actor;
  private final String wireName;

  Action(Actor actor, String wireName) {
    this.actor = actor;
    this.wireName = wireName;
  }

  /** Who may ask for it. */
  public Actor actor() {
    return actor;
  }

  /** As the seed and the API's {@code action_type} write it, e.g. {@code scan_nfc}; not unique across actors. */
  public String wireName() {
    return wireName;
  }

  /** The action this actor means by this wire name; empty if the actor has no action of that name. */
  public static Optional<Action> find(Actor actor, String wireName) {
    return Arrays.stream(values()).filter(a -> a.actor == actor && a.wireName.equals(wireName)).findFirst();
  }

  /**
   * Which actors have an action of this name: empty for an unknown name (the API's 400), one actor that is not the
   * caller for the other side's action (403), both for {@code complete_exam}.
   */
  public static Set<Actor> actorsNamed(String wireName) {
    Set<Actor> actors = EnumSet.noneOf(Actor.class);
    Arrays.stream(values()).filter(a -> a.wireName.equals(wireName)).forEach(a -> actors.add(a.actor));
    return actors;
  }

  /** The actor's actions in the seed's order. */
  public static List<Action> byActor(Actor actor) {
    return Arrays.stream(values()).filter(a -> a.actor == actor).toList();
  }
}
