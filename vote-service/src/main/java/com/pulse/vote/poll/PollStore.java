package com.pulse.vote.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Polls and their options in the service's own PostgreSQL database. Callers hold the transaction. */
@Repository
class PollStore {

  private static final String POLL = "select id, title, kind, max_choices, results_visibility, status, created_by,"
      + " created_at, closes_at, closed_at, closed_by, version, total_voters, tallied_version, tallied_at"
      + " from vote_poll";

  private final JdbcClient jdbc;

  PollStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new OPEN poll at version 1 (its opening is its first change, and nothing is left to tally). */
  long insert(CreatePollRequest request, int maxChoices, ResultsVisibility visibility, String createdBy,
      Instant now) {
    long id = jdbc.sql("insert into vote_poll (title, kind, max_choices, results_visibility, status, created_by,"
            + " created_at, closes_at, version, tallied_version) values (?, ?, ?, ?, 'OPEN', ?, ?, ?, 1, 1)"
            + " returning id")
        .params(request.title(), request.kind().name(), maxChoices, visibility.name(), createdBy, time(now),
            time(request.closesAt()))
        .query(Long.class).single();
    for (int i = 0; i < request.options().size(); i++) {
      jdbc.sql("insert into vote_option (poll_id, position, label) values (?, ?, ?)")
          .params(id, i, request.options().get(i).label()).update();
    }
    return id;
  }

  Optional<Poll> find(long id) {
    return jdbc.sql(POLL + " where id = ?").param(id).query(PollStore::poll).optional();
  }

  /** The poll, its row locked until the transaction ends: every change of a poll reads it this way. */
  Optional<Poll> findLocked(long id) {
    return jdbc.sql(POLL + " where id = ? for update").param(id).query(PollStore::poll).optional();
  }

  /** Newest first; {@code status} null for every poll. */
  List<Poll> list(PollStatus status, int limit) {
    return jdbc.sql(POLL + " where (cast(? as text) is null or status = ?) order by id desc limit ?")
        .params(status == null ? null : status.name(), status == null ? null : status.name(), limit)
        .query(PollStore::poll).list();
  }

  List<PollOption> options(long pollId) {
    return jdbc.sql("select id, label, votes from vote_option where poll_id = ? order by position").param(pollId)
        .query((rs, row) -> new PollOption(rs.getLong("id"), rs.getString("label"), rs.getInt("votes"))).list();
  }

  /** Open polls whose closing time has come. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql("select id from vote_poll where status = 'OPEN' and closes_at <= ? order by closes_at limit ?")
        .params(time(now), limit).query(Long.class).list();
  }

  /**
   * Polls changed since their last tally event whose last one is at least {@code spacing} old, locked; a poll another
   * transaction holds (a ballot being cast, another instance's flush) is skipped and found next time.
   */
  List<Long> lockUntallied(Instant notAfter, int limit) {
    return jdbc.sql("select id from vote_poll where tallied_version < version"
            + " and (tallied_at is null or tallied_at <= ?) order by id limit ? for update skip locked")
        .params(time(notAfter), limit).query(Long.class).list();
  }

  void addVotes(long optionId, int delta) {
    jdbc.sql("update vote_option set votes = votes + ? where id = ?").params(delta, optionId).update();
  }

  void changed(long pollId, long version, int totalVoters) {
    jdbc.sql("update vote_poll set version = ?, total_voters = ? where id = ?")
        .params(version, totalVoters, pollId).update();
  }

  void close(long pollId, long version, String closedBy, Instant now) {
    jdbc.sql("update vote_poll set status = 'CLOSED', closed_at = ?, closed_by = ?, version = ? where id = ?")
        .params(time(now), closedBy, version, pollId).update();
  }

  void tallied(long pollId, long version, Instant now) {
    jdbc.sql("update vote_poll set tallied_version = ?, tallied_at = ? where id = ?")
        .params(version, time(now), pollId).update();
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static Poll poll(ResultSet rs, int row) throws SQLException {
    return new Poll(rs.getLong("id"), rs.getString("title"), PollKind.valueOf(rs.getString("kind")),
        rs.getInt("max_choices"), ResultsVisibility.valueOf(rs.getString("results_visibility")),
        PollStatus.valueOf(rs.getString("status")), rs.getString("created_by"), instant(rs, "created_at"),
        instant(rs, "closes_at"), instant(rs, "closed_at"), rs.getString("closed_by"), rs.getLong("version"),
        rs.getInt("total_voters"), rs.getLong("tallied_version"), instant(rs, "tallied_at"));
  }
}
