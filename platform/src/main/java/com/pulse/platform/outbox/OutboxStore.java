package com.pulse.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement on {@code pulse_outbox}. The relay's statements run on its own long-lived connection. */
final class OutboxStore {

  private final JdbcClient jdbc;

  OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Runs in the caller's transaction (the JdbcClient shares the transaction-bound connection). */
  void insert(Outbox.Prepared event) {
    jdbc.sql("""
            insert into pulse_outbox (event_id, topic, message_key, event_type, sequence, payload, traceparent)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(event.id(), event.topic(), event.key(), event.type(), event.sequence(), event.payload(),
            event.traceparent())
        .update();
  }

  /**
   * Many rows in one statement, in the caller's transaction: the columns as arrays, rows numbered so the identity
   * (the relay's publishing order) follows the list.
   */
  void insertAll(List<Outbox.Prepared> events) {
    int size = events.size();
    String[] ids = new String[size];
    String[] topics = new String[size];
    String[] keys = new String[size];
    String[] types = new String[size];
    long[] sequences = new long[size];
    byte[][] payloads = new byte[size][];
    String[] traceparents = new String[size];
    for (int i = 0; i < size; i++) {
      Outbox.Prepared event = events.get(i);
      ids[i] = event.id().toString();
      topics[i] = event.topic();
      keys[i] = event.key();
      types[i] = event.type();
      sequences[i] = event.sequence();
      payloads[i] = event.payload();
      traceparents[i] = event.traceparent();
    }
    jdbc.sql("""
            insert into pulse_outbox (event_id, topic, message_key, event_type, sequence, payload, traceparent)
            select e.event_id, e.topic, e.message_key, e.event_type, e.sequence, e.payload, e.traceparent
            from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                cast(? as bigint[]), cast(? as bytea[]), cast(? as text[])) with ordinality
                as e(event_id, topic, message_key, event_type, sequence, payload, traceparent, position)
            order by e.position""")
        .params(ids, topics, keys, types, sequences, payloads, traceparents)
        .update();
  }

  static List<PendingEvent> pending(Connection c, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("""
        select id, event_id, topic, message_key, event_type, sequence, payload, traceparent, created_at
        from pulse_outbox where published_at is null order by id limit ?""")) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        List<PendingEvent> rows = new ArrayList<>();
        while (r.next()) {
          rows.add(new PendingEvent(r.getLong(1), r.getObject(2, UUID.class), r.getString(3), r.getString(4),
              r.getString(5), r.getLong(6), r.getBytes(7), r.getString(8), r.getTimestamp(9).toInstant()));
        }
        return rows;
      }
    }
  }

  static void markPublished(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(
        "update pulse_outbox set published_at = clock_timestamp(), attempts = attempts + 1 where id = any(?)")) {
      s.setArray(1, ids(c, ids));
      s.executeUpdate();
    }
  }

  static void markFailed(Connection c, List<Long> ids, String error) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(
        "update pulse_outbox set attempts = attempts + 1, last_error = ? where id = any(?)")) {
      s.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
      s.setArray(2, ids(c, ids));
      s.executeUpdate();
    }
  }

  /** At most one relay per database: a session-level advisory lock, released when its connection goes away. */
  static boolean tryLead(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(hashtext('pulse_outbox_relay'))");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }

  static void listen(Connection c) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute("listen pulse_outbox");
    }
  }

  /** Deletes up to {@code limit} rows published before the cut-off; returns how many. */
  int deletePublishedBefore(Instant cutoff, int limit) {
    return jdbc.sql("""
            delete from pulse_outbox where id in (
              select id from pulse_outbox where published_at < ? order by published_at limit ?)""")
        .params(Timestamp.from(cutoff), limit)
        .update();
  }

  Backlog backlog() {
    return jdbc.sql("""
            select count(*), min(created_at) from pulse_outbox where published_at is null""")
        .query((r, n) -> new Backlog(r.getLong(1),
            r.getTimestamp(2) == null ? Duration.ZERO : Duration.between(r.getTimestamp(2).toInstant(), Instant.now())))
        .single();
  }

  /** Rows not yet acknowledged by Kafka, and how long the oldest has waited. */
  record Backlog(long pending, Duration oldestAge) {}

  private static Array ids(Connection c, List<Long> ids) throws SQLException {
    return c.createArrayOf("bigint", ids.toArray());
  }
}
