package com.pulse.notification.inbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes inbox entries, idempotently: the event id is unique and a redelivered event inserts nothing.
 *
 * <p>Writers on every instance take one transaction-scoped advisory lock, so rows become visible in the order of
 * their {@code seq}: when "read all" (which takes the lock shared) records the highest {@code seq}, no row below it
 * can still be on its way, and none is marked read unseen.
 */
@Repository
class InboxStore {

  /** The advisory lock key of inbox writes ("PULSEINB"). */
  static final long WRITE_LOCK = 0x50554c5345494e42L;

  private static final String INSERT = """
      insert into notification
        (event_id, type, subject, channels, priority, title, summary, occurred_at, position, event)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
      on conflict (event_id) do nothing""";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  InboxStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Inserts the entries in one transaction; returns how many were new (the rest were already there). */
  int write(List<InboxEntry> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    Integer inserted = transaction.execute(status -> {
      jdbc.execute("select pg_advisory_xact_lock(" + WRITE_LOCK + ")");
      int[] counts = jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
          bind(ps, entries.get(i));
        }

        @Override
        public int getBatchSize() {
          return entries.size();
        }
      });
      int sum = 0;
      for (int count : counts) {
        sum += Math.max(count, 0);
      }
      return sum;
    });
    return inserted == null ? 0 : inserted;
  }

  private static void bind(PreparedStatement ps, InboxEntry entry) throws SQLException {
    ps.setString(1, entry.eventId());
    ps.setString(2, entry.type());
    ps.setString(3, entry.subject());
    ps.setArray(4, ps.getConnection().createArrayOf("text", entry.channels().toArray()));
    ps.setShort(5, (short) entry.priority().rank());
    ps.setString(6, entry.title());
    ps.setString(7, entry.summary());
    ps.setObject(8, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
    ps.setString(9, entry.position());
    ps.setString(10, entry.json());
  }
}
