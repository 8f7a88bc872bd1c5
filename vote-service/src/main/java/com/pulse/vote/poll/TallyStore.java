package com.pulse.vote.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tally writer's state: per poll the version its last {@code vote.poll.tallied} carried ({@code vote_tally}), and
 * one "due" marker per ballot change not yet tallied ({@code vote_tally_due}). Ballots only append markers, so they
 * never wait for each other or for the writer here.
 */
@Repository
class TallyStore {

  private final JdbcClient jdbc;

  TallyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In a ballot's transaction: its poll's tally is due. */
  void markDue(long pollId) {
    jdbc.sql("insert into vote_tally_due (poll_id) values (?)").param(pollId).update();
  }

  /** Polls with a change not yet tallied whose last tally is at least as old as {@code notAfter}. */
  List<Long> duePolls(Instant notAfter, int limit) {
    // driven by the few markers, not by every poll there ever was
    return jdbc.sql("select t.poll_id from vote_tally t where t.poll_id in (select poll_id from vote_tally_due)"
            + " and (t.tallied_at is null or t.tallied_at <= ?) order by t.poll_id limit ?")
        .params(PollStore.time(notAfter), limit).query(Long.class).list();
  }

  /** Whether any poll has a change not yet tallied, whatever its spacing. */
  boolean anyDue() {
    return jdbc.sql("select exists (select 1 from vote_tally_due)").query(Boolean.class).single();
  }

  /**
   * The version of the poll's last tally, its row locked, when that tally is at least as old as {@code notAfter};
   * empty when it is younger or another writer (another instance, a close) holds it.
   */
  Optional<Long> lockIfDue(long pollId, Instant notAfter) {
    return jdbc.sql("select version from vote_tally where poll_id = ? and (tallied_at is null or tallied_at <= ?)"
            + " for update skip locked")
        .params(pollId, PollStore.time(notAfter)).query(Long.class).optional();
  }

  /** The poll's tally row, locked (waiting for a writer that holds it): how a close reads it. */
  void lock(long pollId) {
    jdbc.sql("select version from vote_tally where poll_id = ? for update").param(pollId).query(Long.class).single();
  }

  /** Forgets the markers committed so far: a recount read after this statement includes their changes. */
  void clearDue(long pollId) {
    jdbc.sql("delete from vote_tally_due where poll_id = ?").param(pollId).update();
  }

  void tallied(long pollId, long version, Instant now) {
    jdbc.sql("update vote_tally set version = ?, tallied_at = ? where poll_id = ?")
        .params(version, PollStore.time(now), pollId).update();
  }
}
