package com.pulse.journey.visit;

import com.pulse.events.EventType;
import com.pulse.identity.Caller;
import com.pulse.journey.JourneyProperties;
import com.pulse.journey.state.Action;
import com.pulse.journey.state.Actor;
import com.pulse.journey.state.Decision;
import com.pulse.journey.state.JourneyState;
import com.pulse.journey.state.QueueState;
import com.pulse.journey.state.StateMachine;
import com.pulse.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out actions: decides with the state machine and applies the decision in one transaction: the patient's row
 * locked, the queue entry, the transition log and the outbox events together. Nothing else writes a patient, an
 * entry or an event.
 */
@Service
public class JourneyService {

  private final StateMachine machine = StateMachine.fromSeed();
  private final JourneyStore store;
  private final Boards boards;
  private final Outbox outbox;
  private final JsonMapper json;
  private final TransactionTemplate tx;
  private final JourneyProperties properties;
  private final Clock clock = Clock.systemUTC();

  JourneyService(JourneyStore store, Boards boards, Outbox outbox, JsonMapper json, TransactionTemplate tx,
      JourneyProperties properties) {
    this.store = store;
    this.boards = boards;
    this.outbox = outbox;
    this.json = json;
    this.tx = tx;
    this.properties = properties;
  }

  /**
   * Performs one action for a patient and answers where they are now, as the acting side sees it.
   *
   * @param actor the side the caller acts for (from the endpoint: {@code /me} the patient's, {@code /patients} staff)
   * @param trigger what the log says caused it: {@code patient_action}, {@code staff_action}, {@code nfc_tag}
   */
  public JourneyView act(String patientId, Actor actor, String actionType, Map<String, Object> payload,
      Caller caller, String trigger) {
    return tx.execute(status -> {
      Patient patient = store.lockPatient(patientId).orElseThrow(() -> JourneyProblems.patientNotFound(patientId));
      apply(patient, actor, actionType, payload, caller, trigger, null);
      return view(patientId, actor);
    });
  }

  /** Where the patient is now, with the actions the viewer's side may take. */
  public JourneyView view(String patientId, Actor viewer) {
    Patient patient = store.patient(patientId).orElseThrow(() -> JourneyProblems.patientNotFound(patientId));
    Instant now = now();
    LocalDate today = today(now);
    var details = store.activeEntry(patientId).stream().map(entry -> {
      Exam exam = store.exam(entry.examId()).orElseThrow();
      String room = entry.roomId() == null ? null : store.rooms(exam.examId()).stream()
          .filter(r -> r.roomId().equals(entry.roomId())).map(Room::name).findFirst().orElse(entry.roomId());
      return new JourneyView.QueueDetail(entry.queueId().toString(), exam.examId(), exam.title(),
          entry.state().wireName(), entry.queueNumber(), boards.estimates(exam).get(entry.queueId()), room);
    }).toList();
    Instant from = today.atStartOfDay(properties.timeZone()).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(properties.timeZone()).toInstant();
    return new JourneyView(patientId, patient.state().wireName(), details, store.appointments(patientId, from, to),
        machine.availableActionNames(patient.state(), viewer), now, patient.version());
  }

  /** The patient's transition log, oldest first; empty for an unknown patient (the caller was checked). */
  public List<TransitionView> transitions(String patientId) {
    store.patient(patientId).orElseThrow(() -> JourneyProblems.patientNotFound(patientId));
    return store.transitions(patientId);
  }

  /**
   * The entrance tag: UNREGISTERED → ARRIVED ({@code scan_nfc}, logged as {@code nfc_tag}); scanned again, or by a
   * patient already further on, it changes nothing and answers where they are.
   */
  public JourneyView arriveAtEntrance(String patientId, Caller caller, String tagId) {
    return tx.execute(status -> {
      Patient patient = store.lockPatient(patientId).orElseThrow(() -> JourneyProblems.patientNotFound(patientId));
      if (patient.state() == JourneyState.UNREGISTERED) {
        apply(patient, Actor.PATIENT, Action.SCAN_NFC.wireName(), Map.of("tag_id", tagId), caller, "nfc_tag", null);
      }
      return view(patientId, Actor.PATIENT);
    });
  }

  /**
   * Applies a decided action to the locked patient. {@code expected}, when given, must hold for the patient's active
   * entry, else {@link EntryMoved} rolls everything back (call-next's check that its pick is still waiting).
   */
  void apply(Patient patient, Actor actor, String actionType, Map<String, Object> payload, Caller caller,
      String trigger, Predicate<Optional<Entry>> expected) {
    Optional<Entry> active = store.activeEntry(patient.patientId());
    if (expected != null && !expected.test(active)) {
      throw new EntryMoved();
    }
    Decision decision = machine.decide(patient.state(), actor, actionType, active.map(Entry::noShows).orElse(0));
    if (decision instanceof Decision.Refused refused) {
      throw JourneyProblems.refused(patient.patientId(), refused);
    }
    Decision.Allowed allowed = (Decision.Allowed) decision;
    Instant now = now();
    Entry entry = changeEntry(patient, allowed, active, payload, now);
    long version = patient.version();
    if (allowed.changesState()) {
      version++;
      JourneyEvents.StateChanged change = stateChanged(patient, allowed, trigger, entry, now);
      outbox.append(EventType.JOURNEY_PATIENT_STATE_CHANGED, patient.patientId(), version, change,
          JourneyEvents.stateChanged(patient, change));
    }
    if (allowed.action() == Action.CALL_PATIENT && entry != null) {
      version++;
      JourneyEvents.Called call = called(patient, entry);
      outbox.append(EventType.JOURNEY_PATIENT_CALLED, patient.patientId(), version, call,
          JourneyEvents.called(patient, call));
    }
    store.updatePatient(patient.patientId(), allowed.to(), version, now);
    store.log(patient.patientId(), caller.id(), actor.wireName(), actionType, patient.state(), allowed.to(), trigger,
        entry == null ? null : entry.queueId(), payload == null ? null : json.writeValueAsString(payload), now);
    if (entry != null) {
      announceBoard(entry.examId(), now);
    }
  }

  /** The queue entry the decision touches, written; null when it touches none. */
  private Entry changeEntry(Patient patient, Decision.Allowed allowed, Optional<Entry> active,
      Map<String, Object> payload, Instant now) {
    if (allowed.action() == Action.CONFIRM_ARRIVAL) {
      String examId = JourneyPayload.text(payload, "exam_id", true);
      Exam exam = store.exam(examId).orElseThrow(() -> JourneyProblems.invalid("payload.exam_id",
          "names no exam: " + examId));
      Entry joined = Entry.join(exam.examId(), patient.patientId(), today(now),
          store.nextQueueNumber(exam.examId(), today(now)), 0, now);
      store.insertEntry(joined);
      return joined;
    }
    if (allowed.entryState().isEmpty() || active.isEmpty()) {
      return null;
    }
    Entry current = active.get();
    QueueState target = allowed.entryState().get();
    Entry next = switch (allowed.action()) {
      case CALL_PATIENT -> current.called(room(current, JourneyPayload.text(payload, "room_id", false)), now);
      case ENTER_EXAM_ROOM, START_EXAM -> current.started(now);
      case MARK_NO_SHOW -> current.noShow(target, now);
      default -> current.finished(target, now);
    };
    store.updateEntry(next);
    return next;
  }

  /** The room asked for (one of the exam's), else the first open room nobody is called to or examined in. */
  private String room(Entry entry, String asked) {
    var rooms = store.rooms(entry.examId());
    if (asked != null) {
      return rooms.stream().filter(r -> r.roomId().equals(asked)).findFirst().map(Room::roomId)
          .orElseThrow(() -> JourneyProblems.invalid("payload.room_id", "is not a room of " + entry.examId()));
    }
    var busy = store.activeEntries(entry.examId()).stream().map(Entry::roomId).filter(r -> r != null).toList();
    return rooms.stream().filter(Room::open).filter(r -> !busy.contains(r.roomId())).findFirst()
        .or(() -> rooms.stream().filter(Room::open).findFirst()).map(Room::roomId).orElse(null);
  }

  /** Locks the exam's row for the next sequence and announces its board as it is in this transaction. */
  void announceBoard(String examId, Instant now) {
    long sequence = store.nextBoardVersion(examId);
    QueueBoard board = boards.board(store.exam(examId).orElseThrow(), now);
    outbox.append(EventType.JOURNEY_QUEUE_UPDATED, examId, sequence, board, JourneyEvents.queueUpdated(board));
  }

  private JourneyEvents.StateChanged stateChanged(Patient patient, Decision.Allowed allowed, String trigger,
      Entry entry, Instant now) {
    return new JourneyEvents.StateChanged(patient.patientId(), patient.state().wireName(), allowed.to().wireName(),
        allowed.action().wireName(), allowed.action().actor().wireName(), trigger,
        entry == null ? null : entry.queueId().toString(), entry == null ? null : entry.examId(),
        JourneyEvents.AvailableActions.in(allowed.to()), now);
  }

  private JourneyEvents.Called called(Patient patient, Entry entry) {
    Exam exam = store.exam(entry.examId()).orElseThrow();
    Optional<Room> room = store.rooms(entry.examId()).stream().filter(r -> r.roomId().equals(entry.roomId()))
        .findFirst();
    return new JourneyEvents.Called(patient.patientId(), entry.queueId().toString(), exam.examId(), exam.title(),
        entry.queueNumber(), entry.roomId(), room.map(Room::name).orElse(null),
        room.map(Room::location).orElse(null), entry.calledAt());
  }

  LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, properties.timeZone());
  }

  /** PostgreSQL keeps microseconds: truncate so what we answer equals what a later read answers. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Call-next's pick was called, delayed or left by someone else meanwhile: pick again. */
  static final class EntryMoved extends RuntimeException {
    EntryMoved() {
      super(null, null, false, false);
    }
  }
}
