package com.pulse.vote.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * Polls, their options and their recounted tallies in the service's own PostgreSQL database. Callers hold the
 * transaction.
 */
@Repository
class PollStore {

  private static final String POLL = "select id, title, kind, max_choices, results_visibility, status, created_by,"
      + " created_at, closes_at, closed_at, closed_by, version from vote_poll";

  /**
   * Counts, voters and version of poll {@code :poll} in one statement, hence one snapshot even in READ COMMITTED: a
   * ballot committing meanwhile is either in all three or in none.
   */
  private static final String RECOUNT = """
      with counts as (
        select chosen.option_id, count(*) as votes
        from vote_ballot b cross join lateral unnest(b.option_ids) as chosen(option_id)
        where b.poll_id = :poll group by chosen.option_id)
      select o.id, o.label, coalesce(counts.votes, 0) as votes,
        (select count(*) from vote_ballot where poll_id = :poll) as voters,
        p.version + (select count(*) from vote_ballot_audit where poll_id = :poll) as version
      from vote_poll p join vote_option o on o.poll_id = p.id left join counts on counts.option_id = o.id
      where p.id = :poll order by o.position""";

  private final JdbcClient jdbc;

  PollStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new OPEN poll at version 1 (its opening is its first change), and its tally row: nothing left to tally. */
  long insert(CreatePollRequest request, int maxChoices, ResultsVisibility visibility, String createdBy,
      Instant now) {
    long id = jdbc.sql("insert into vote_poll (title, kind, max_choices, results_visibility, status, created_by,"
            + " created_at, closes_at, version) values (?, ?, ?, ?, 'OPEN', ?, ?, ?, 1)"
            + " returning id")
        .params(request.title(), request.kind().name(), maxChoices, visibility.name(), createdBy, time(now),
            time(request.closesAt()))
        .query(Long.class).single();
    for (int i = 0; i < request.options().size(); i++) {
      jdbc.sql("insert into vote_option (poll_id, position, label) values (?, ?, ?)")
          .params(id, i, request.options().get(i).label()).update();
    }
    jdbc.sql("insert into vote_tally (poll_id, version) values (?, 1)").param(id).update();
    return id;
  }

  Optional<Poll> find(long id) {
    return jdbc.sql(POLL + " where id = ?").param(id).query(PollStore::poll).optional();
  }

  /**
   * The poll, its row locked exclusively until the transaction ends: how a close reads it. Waits for every ballot in
   * flight on the poll, and every later ballot waits for the close ({@link #findShared}).
   */
  Optional<Poll> findLocked(long id) {
    return jdbc.sql(POLL + " where id = ? for update").param(id).query(PollStore::poll).optional();
  }

  /**
   * The poll, its row locked FOR SHARE until the transaction ends: how a ballot reads it. Ballots share the lock, so
   * they never wait for each other; a close ({@link #findLocked}) waits for them and they for it.
   */
  Optional<Poll> findShared(long id) {
    return jdbc.sql(POLL + " where id = ? for share").param(id).query(PollStore::poll).optional();
  }

  /** The poll's counts, voters and version now (one statement: {@link #RECOUNT}). */
  Tally recount(long pollId) {
    List<Long> version = new ArrayList<>();
    List<Integer> voters = new ArrayList<>();
    List<Tally.Count> counts = jdbc.sql(RECOUNT).param("poll", pollId).query((rs, row) -> {
      version.add(rs.getLong("version"));
      voters.add(rs.getInt("voters"));
      return new Tally.Count(rs.getLong("id"), rs.getString("label"), rs.getInt("votes"));
    }).list();
    if (counts.isEmpty()) {
      throw new IllegalStateException("Poll " + pollId + " has no options");
    }
    return new Tally(version.getFirst(), voters.getFirst(), counts);
  }

  /** The polls' versions now: their own plus their ballot changes. */
  Map<Long, Long> versions(List<Long> ids) {
    Map<Long, Long> versions = new HashMap<>();
    jdbc.sql("select p.id, p.version + (select count(*) from vote_ballot_audit a where a.poll_id = p.id) as version"
            + " from vote_poll p where p.id = any(?)")
        .param(new SqlArrayValue("bigint", ids.toArray()))
        .query((rs, row) -> versions.put(rs.getLong("id"), rs.getLong("version"))).list();
    return versions;
  }

  /** Newest first; {@code status} null for every poll. */
  List<Poll> list(PollStatus status, int limit) {
    return jdbc.sql(POLL + " where (cast(? as text) is null or status = ?) order by id desc limit ?")
        .params(status == null ? null : status.name(), status == null ? null : status.name(), limit)
        .query(PollStore::poll).list();
  }

  List<PollOption> options(long pollId) {
    return jdbc.sql("select id, label from vote_option where poll_id = ? order by position").param(pollId)
        .query((rs, row) -> new PollOption(rs.getLong("id"), rs.getString("label"))).list();
  }

  /** Open polls whose closing time has come. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql("select id from vote_poll where status = 'OPEN' and closes_at <= ? order by closes_at limit ?")
        .params(time(now), limit).query(Long.class).list();
  }

  /** Closed; {@code baseVersion} the poll's own version after its close. */
  void close(long pollId, long baseVersion, String closedBy, Instant now) {
    jdbc.sql("update vote_poll set status = 'CLOSED', closed_at = ?, closed_by = ?, version = ? where id = ?")
        .params(time(now), closedBy, baseVersion, pollId).update();
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
        instant(rs, "closes_at"), instant(rs, "closed_at"), rs.getString("closed_by"), rs.getLong("version"));
  }
}
