package com.pulse.journey.visit;

import com.pulse.identity.Caller;
import com.pulse.journey.state.Action;
import com.pulse.journey.state.Actor;
import com.pulse.journey.state.CallCandidate;
import com.pulse.journey.state.CallOrder;
import com.pulse.journey.state.JourneyState;
import com.pulse.journey.state.QueueState;
import com.pulse.journey.state.StateMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The exam queues: the board, calling the next patient, holding a patient's place for a while. */
@Service
class QueueService {

  /** Enough for any realistic race of call-nexts on one queue; each attempt picks a patient nobody else holds. */
  private static final int CALL_NEXT_ATTEMPTS = 20;

  private final JourneyService journeys;
  private final JourneyStore store;
  private final Boards boards;
  private final TransactionTemplate tx;

  QueueService(JourneyService journeys, JourneyStore store, Boards boards, TransactionTemplate tx) {
    this.journeys = journeys;
    this.store = store;
    this.boards = boards;
    this.tx = tx;
  }

  QueueBoard board(String examId) {
    return tx.execute(status -> boards.board(exam(examId), journeys.now()));
  }

  /**
   * Calls the next patient of the exam (priority, then arrival; held ones skipped until their time): the patient's
   * {@code call_patient}, in the patient's transaction. The pick is made without locks, then checked again with the
   * patient locked; if someone else called or moved that patient meanwhile, it picks again.
   *
   * @return the called patient as staff see them
   */
  JourneyView callNext(String examId, String roomId, Caller caller) {
    exam(examId);
    for (int attempt = 0; attempt < CALL_NEXT_ATTEMPTS; attempt++) {
      Instant now = journeys.now();
      Optional<CallCandidate<UUID>> next = CallOrder.next(store.activeEntries(examId).stream()
          .map(Entry::candidate).toList(), now);
      if (next.isEmpty()) {
        throw JourneyProblems.conflict("Nobody to call", "Nobody in the " + examId
            + " queue can be called now (empty, or everyone waiting is delayed).");
      }
      UUID pick = next.get().entryId();
      String patientId = store.entry(pick).orElseThrow().patientId();
      try {
        return tx.execute(status -> {
          Patient patient = store.lockPatient(patientId).orElseThrow();
          Map<String, Object> payload = new HashMap<>();
          payload.put("exam_id", examId);
          if (roomId != null) {
            payload.put("room_id", roomId);
          }
          journeys.apply(patient, Actor.STAFF, Action.CALL_PATIENT.wireName(), payload, caller, "staff_action",
              active -> active.filter(e -> e.queueId().equals(pick) && journeyStateOfLine(e.state())
                  && e.candidate().callableAt(journeys.now())).isPresent());
          return journeys.view(patientId, Actor.STAFF);
        });
      } catch (JourneyService.EntryMoved moved) {
        // somebody else took this patient; the line has changed, look again
      }
    }
    throw JourneyProblems.conflict("Queue busy", "The " + examId + " queue kept changing; try again.");
  }

  /**
   * Holds a waiting patient's place ({@code delayed}) until {@code for} has passed: call-next skips them until then,
   * and they keep their place in line. The journey stays WAITING; the log records it as a queue change.
   */
  QueueBoard delay(String examId, UUID queueId, Duration hold, Caller caller) {
    Entry found = store.entry(queueId).filter(e -> e.examId().equals(examId))
        .orElseThrow(() -> JourneyProblems.notFound("Queue entry not found", "No entry " + queueId + " in "
            + examId + "."));
    return tx.execute(status -> {
      Patient patient = store.lockPatient(found.patientId()).orElseThrow();
      Entry entry = store.activeEntry(patient.patientId()).filter(e -> e.queueId().equals(queueId))
          .filter(e -> journeyStateOfLine(e.state())).orElseThrow(() -> JourneyProblems.conflict(
              "Entry not waiting", "Entry " + queueId + " is not waiting in line; only a waiting patient is delayed."));
      Instant now = journeys.now();
      store.updateEntry(entry.delayed(now.plus(hold)));
      store.log(patient.patientId(), caller.id(), Actor.STAFF.wireName(), "delay", patient.state(), patient.state(),
          "queue_sync", queueId, "{\"minutes\":" + hold.toMinutes() + "}", now);
      journeys.announceBoard(examId, now);
      return boards.board(exam(examId), now);
    });
  }

  private static boolean journeyStateOfLine(QueueState state) {
    return StateMachine.fromSeed().journeyStateOf(state) == JourneyState.WAITING;
  }

  private Exam exam(String examId) {
    return store.exam(examId).orElseThrow(() -> JourneyProblems.notFound("Exam not found", "No exam " + examId
        + "."));
  }
}
