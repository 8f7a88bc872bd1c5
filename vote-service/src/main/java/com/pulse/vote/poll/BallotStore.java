package com.pulse.vote.poll;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * Ballots (one row per employee per poll) and their audit. Callers hold the poll's row FOR SHARE and the voter's lock
 * ({@link #lockVoter}).
 */
@Repository
class BallotStore {

  private final JdbcClient jdbc;

  BallotStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Until the transaction ends, the employee's changes of this poll's ballot run one at a time (a transaction-level
   * advisory lock in the two-key space, which nothing else in this database uses): their "before" is always the last
   * committed ballot, so the audit chains and the same ballot twice is recognised. Other voters are not held up.
   */
  void lockVoter(long pollId, String empNo) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(cast(? as text)), hashtext(?))").params(pollId, empNo)
        .query((rs, row) -> true).list();
  }

  /** The employee's current choices, ascending, or empty when they hold no ballot. */
  Optional<List<Long>> choices(long pollId, String empNo) {
    return jdbc.sql("select option_ids from vote_ballot where poll_id = ? and emp_no = ?").params(pollId, empNo)
        .query((rs, row) -> ids(rs, "option_ids")).optional();
  }

  void upsert(long pollId, String empNo, String userId, List<Long> optionIds, Instant now) {
    jdbc.sql("insert into vote_ballot (poll_id, emp_no, user_id, option_ids, cast_at, changed_at)"
            + " values (?, ?, ?, ?, ?, ?) on conflict (poll_id, emp_no)"
            + " do update set user_id = excluded.user_id, option_ids = excluded.option_ids,"
            + " changed_at = excluded.changed_at")
        .params(pollId, empNo, userId, array(optionIds), PollStore.time(now), PollStore.time(now)).update();
  }

  void delete(long pollId, String empNo) {
    jdbc.sql("delete from vote_ballot where poll_id = ? and emp_no = ?").params(pollId, empNo).update();
  }

  void audit(long pollId, String empNo, String userId, List<Long> from, List<Long> to, Instant now) {
    jdbc.sql("insert into vote_ballot_audit (poll_id, emp_no, user_id, from_option_ids, to_option_ids, changed_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(pollId, empNo, userId, array(from), array(to), PollStore.time(now)).update();
  }

  /**
   * Every change of the poll's ballots, oldest first, at most {@code limit}; each with its place in the log as the
   * poll's version once it and every change before it counted (1, the opening, plus its place).
   */
  List<BallotChange> changes(long pollId, int limit) {
    return jdbc.sql("select emp_no, user_id, from_option_ids, to_option_ids, changed_at,"
            + " 1 + row_number() over (order by id) as poll_version"
            + " from vote_ballot_audit where poll_id = ? order by id limit ?")
        .params(pollId, limit)
        .query((rs, row) -> new BallotChange(rs.getString("emp_no"), rs.getString("user_id"),
            ids(rs, "from_option_ids"), ids(rs, "to_option_ids"), PollStore.instant(rs, "changed_at"),
            rs.getLong("poll_version")))
        .list();
  }

  private static SqlArrayValue array(List<Long> ids) {
    return ids == null ? null : new SqlArrayValue("bigint", ids.toArray());
  }

  private static List<Long> ids(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    return Arrays.stream((Long[]) array.getArray()).sorted().toList();
  }
}
