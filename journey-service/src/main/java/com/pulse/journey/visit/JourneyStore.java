package com.pulse.journey.visit;

import com.pulse.journey.state.JourneyState;
import com.pulse.journey.state.QueueState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The visit's tables in the service's own database. Locks are taken in one order everywhere: the patient's row, then
 * the day's queue counter, then the exam's row; so two transactions never wait for each other in a circle.
 */
@Repository
class JourneyStore {

  private static final String PATIENT = "select patient_id, user_id, name, journey_state, version from patient ";
  private static final String ENTRY = "select queue_id, exam_id, patient_id, service_day, queue_number, state, "
      + "priority, no_shows, room_id, arrived_at, held_until, called_at, started_at, finished_at from queue_entry ";
  private static final String ACTIVE = " state not in ('completed', 'cancelled') ";

  private final JdbcClient jdbc;

  JourneyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Patient> patient(String patientId) {
    return jdbc.sql(PATIENT + "where patient_id = ?").param(patientId).query(JourneyStore::patient).optional();
  }

  /** The patient, their row locked until the transaction ends: every action starts here. */
  Optional<Patient> lockPatient(String patientId) {
    return jdbc.sql(PATIENT + "where patient_id = ? for update").param(patientId).query(JourneyStore::patient)
        .optional();
  }

  void updatePatient(String patientId, JourneyState state, long version, Instant now) {
    jdbc.sql("update patient set journey_state = ?, version = ?, updated_at = ? where patient_id = ?")
        .params(state.wireName(), version, Timestamp.from(now), patientId).update();
  }

  /**
   * The patient's active entry; read after their row is locked, so it cannot change under the caller. (Not the
   * query's {@code stream()}: an unclosed stream keeps its connection, and outside a transaction that leaked one per
   * read until the pool was empty.)
   */
  Optional<Entry> activeEntry(String patientId) {
    return jdbc.sql(ENTRY + "where patient_id = ? and" + ACTIVE + "order by arrived_at limit 1").param(patientId)
        .query(JourneyStore::entry).optional();
  }

  Optional<Entry> entry(UUID queueId) {
    return jdbc.sql(ENTRY + "where queue_id = ?").param(queueId).query(JourneyStore::entry).optional();
  }

  /** Every entry in the exam's line or rooms now, whatever their day. */
  List<Entry> activeEntries(String examId) {
    return jdbc.sql(ENTRY + "where exam_id = ? and" + ACTIVE).param(examId).query(JourneyStore::entry).list();
  }

  /** The patients' names behind {@link #activeEntries}, for the board (which masks them). */
  List<Named> activeNames(String examId) {
    return jdbc.sql("select e.queue_id, p.name from queue_entry e join patient p using (patient_id) "
        + "where e.exam_id = ? and e." + ACTIVE.strip()).param(examId)
        .query((rs, n) -> new Named(rs.getObject(1, UUID.class), rs.getString(2))).list();
  }

  record Named(UUID queueId, String name) {}

  /**
   * The next queue number of the exam on that day: 1, 2, 3... The counter row stays locked until the transaction
   * ends, so concurrent joins take turns, and a rolled-back join gives its number back: no gap, no duplicate.
   */
  int nextQueueNumber(String examId, LocalDate day) {
    return jdbc.sql("insert into queue_counter (exam_id, service_day, last_number) values (?, ?, 1) "
        + "on conflict (exam_id, service_day) do update set last_number = queue_counter.last_number + 1 "
        + "returning last_number").params(examId, day).query(Integer.class).single();
  }

  void insertEntry(Entry e) {
    jdbc.sql("insert into queue_entry (queue_id, exam_id, patient_id, service_day, queue_number, state, priority, "
        + "no_shows, room_id, arrived_at, held_until, called_at, started_at, finished_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(e.queueId(), e.examId(), e.patientId(), e.serviceDay(), e.queueNumber(), e.state().wireName(),
            e.priority(), e.noShows(), e.roomId(), ts(e.arrivedAt()), ts(e.heldUntil()), ts(e.calledAt()),
            ts(e.startedAt()), ts(e.finishedAt()))
        .update();
  }

  void updateEntry(Entry e) {
    jdbc.sql("update queue_entry set state = ?, no_shows = ?, room_id = ?, held_until = ?, called_at = ?, "
        + "started_at = ?, finished_at = ? where queue_id = ?")
        .params(e.state().wireName(), e.noShows(), e.roomId(), ts(e.heldUntil()), ts(e.calledAt()),
            ts(e.startedAt()), ts(e.finishedAt()), e.queueId())
        .update();
  }

  /** The exam queue's next sequence; locks the exam's row, so the queue's changes are announced in order. */
  long nextBoardVersion(String examId) {
    return jdbc.sql("update exam set board_version = board_version + 1 where exam_id = ? returning board_version")
        .param(examId).query(Long.class).single();
  }

  Optional<Exam> exam(String examId) {
    return jdbc.sql("select exam_id, title, default_service_minutes from exam where exam_id = ?").param(examId)
        .query((rs, n) -> new Exam(rs.getString(1), rs.getString(2), Duration.ofMinutes(rs.getInt(3))))
        .optional();
  }

  List<Room> rooms(String examId) {
    return jdbc.sql("select room_id, exam_id, name, location, open from exam_room where exam_id = ? order by room_id")
        .param(examId).query((rs, n) -> new Room(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getBoolean(5))).list();
  }

  /** Start to finish of the exam's last 20 examinations, oldest first (EstimatedWait's window). */
  List<Duration> recentServiceTimes(String examId) {
    List<Duration> newestFirst = jdbc.sql("select started_at, finished_at from queue_entry "
        + "where exam_id = ? and state = 'completed' and started_at is not null order by finished_at desc limit 20")
        .param(examId)
        .query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).list();
    return newestFirst.reversed();
  }

  /** The patient's appointments in [from, to), by time. */
  List<JourneyView.AppointmentView> appointments(String patientId, Instant from, Instant to) {
    return jdbc.sql("select a.appointment_id, a.exam_id, e.title, a.scheduled_at, a.status from appointment a "
        + "join exam e using (exam_id) where a.patient_id = ? and a.scheduled_at >= ? and a.scheduled_at < ? "
        + "order by a.scheduled_at, a.appointment_id")
        .params(patientId, Timestamp.from(from), Timestamp.from(to))
        .query((rs, n) -> new JourneyView.AppointmentView(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5)))
        .list();
  }

  /** The patient's transition log, oldest first. */
  List<TransitionView> transitions(String patientId) {
    return jdbc.sql("select id, actor_id, actor, action, from_state, to_state, trigger, queue_id, payload::text, "
        + "occurred_at from journey_transition where patient_id = ? order by id").param(patientId)
        .query((rs, n) -> new TransitionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
            rs.getTimestamp(10).toInstant()))
        .list();
  }

  /** One row of the transition log, in the transaction of the change it records. */
  void log(String patientId, String actorId, String actor, String action, JourneyState from, JourneyState to,
      String trigger, UUID queueId, String payloadJson, Instant now) {
    jdbc.sql("insert into journey_transition (patient_id, actor_id, actor, action, from_state, to_state, trigger, "
        + "queue_id, payload, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
        .params(patientId, actorId, actor, action, from.wireName(), to.wireName(), trigger, queueId, payloadJson,
            Timestamp.from(now))
        .update();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Patient patient(ResultSet rs, int row) throws SQLException {
    return new Patient(rs.getString("patient_id"), rs.getString("user_id"), rs.getString("name"),
        JourneyState.valueOf(rs.getString("journey_state")), rs.getLong("version"));
  }

  private static Entry entry(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getObject("queue_id", UUID.class), rs.getString("exam_id"), rs.getString("patient_id"),
        rs.getObject("service_day", LocalDate.class), rs.getInt("queue_number"),
        QueueState.fromWireName(rs.getString("state")).orElseThrow(), rs.getInt("priority"), rs.getInt("no_shows"),
        rs.getString("room_id"), instant(rs, "arrived_at"), instant(rs, "held_until"), instant(rs, "called_at"),
        instant(rs, "started_at"), instant(rs, "finished_at"));
  }
}
