package com.pulse.journey.visit;

import com.pulse.journey.state.CallCandidate;
import com.pulse.journey.state.QueueState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One patient in one exam's line ({@code queue_entry}); immutable, every change a new value. */
record Entry(UUID queueId, String examId, String patientId, LocalDate serviceDay, int queueNumber, QueueState state,
    int priority, int noShows, String roomId, Instant arrivedAt, Instant heldUntil, Instant calledAt,
    Instant startedAt, Instant finishedAt) {

  static Entry join(String examId, String patientId, LocalDate day, int number, int priority, Instant now) {
    return new Entry(UUID.randomUUID(), examId, patientId, day, number, QueueState.WAITING, priority, 0, null, now,
        null, null, null, null);
  }

  Entry called(String room, Instant now) {
    return new Entry(queueId, examId, patientId, serviceDay, queueNumber, QueueState.CALLED, priority, noShows, room,
        arrivedAt, null, now, startedAt, finishedAt);
  }

  Entry started(Instant now) {
    return with(QueueState.IN_PROGRESS, noShows, roomId, heldUntil, calledAt, now, finishedAt);
  }

  Entry finished(QueueState state, Instant now) {
    return with(state, noShows, roomId, heldUntil, calledAt, startedAt, now);
  }

  /** A no-show back in line at its place (arrival unchanged), or cancelled: the room is free again either way. */
  Entry noShow(QueueState state, Instant now) {
    return with(state, noShows + 1, null, null, null, startedAt, state == QueueState.CANCELLED ? now : finishedAt);
  }

  Entry delayed(Instant until) {
    return with(QueueState.DELAYED, noShows, roomId, until, calledAt, startedAt, finishedAt);
  }

  CallCandidate<UUID> candidate() {
    return new CallCandidate<>(queueId, state, priority, arrivedAt, queueNumber, heldUntil);
  }

  private Entry with(QueueState state, int noShows, String roomId, Instant heldUntil, Instant calledAt,
      Instant startedAt, Instant finishedAt) {
    return new Entry(queueId, examId, patientId, serviceDay, queueNumber, state, priority, noShows, roomId, arrivedAt,
        heldUntil, calledAt, startedAt, finishedAt);
  }
}
