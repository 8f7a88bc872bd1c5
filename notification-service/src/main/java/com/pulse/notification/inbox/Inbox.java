package com.pulse.notification.inbox;

import com.pulse.notification.preference.Preferences;
import com.pulse.events.Priority;
import com.pulse.notification.preference.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One user's view of the inbox: the entries on the {@link Audience}'s channels that pass their preferences, with
 * their own read state (single read markers, plus a watermark set by "read all"). Blocking: call off the event loop.
 */
@Repository
class Inbox {

  /** Visible to the audience and wanted by their preferences. */
  private static final String VISIBLE = """
      n.channels && :channels and n.priority >= :minimum and not (n.type = any(:muted))""";
  private static final String UNREAD = """
      n.seq > :watermark and not exists
        (select 1 from notification_read r where r.user_id = :user and r.notification_seq = n.seq)""";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  Inbox(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** Newest first; {@code size} entries at most, older than {@code after} when given. */
  NotificationPage page(Audience audience, Preferences preferences, boolean unreadOnly, Cursor after, int size) {
    if (audience.channels().isEmpty()) {
      return new NotificationPage(List.of(), null);
    }
    long watermark = watermark(audience.userId());
    String sql = "select n.seq, n.event_id, n.type, n.title, n.summary, n.priority, n.occurred_at, n.channels,"
        + " n.position, n.event::text as event, (n.seq <= :watermark or exists (select 1 from notification_read r"
        + " where r.user_id = :user and r.notification_seq = n.seq)) as read"
        + " from notification n where " + VISIBLE
        + (unreadOnly ? " and " + UNREAD : "")
        + (after != null ? " and (n.occurred_at, n.seq) < (:afterTime, :afterSeq)" : "")
        + " order by n.occurred_at desc, n.seq desc limit :limit";
    JdbcClient.StatementSpec query = visible(jdbc.sql(sql), audience, preferences)
        .param("watermark", watermark)
        .param("limit", size + 1);
    if (after != null) {
      query = query.param("afterTime", OffsetDateTime.ofInstant(after.time(), ZoneOffset.UTC))
          .param("afterSeq", after.seq());
    }
    List<Row> rows = query.query((rs, i) -> row(rs, audience)).list();
    List<Row> page = rows.subList(0, Math.min(size, rows.size()));
    String next = rows.size() > size ? page.getLast().cursor().encode() : null;
    return new NotificationPage(page.stream().map(Row::notification).toList(), next);
  }

  long unreadCount(Audience audience, Preferences preferences) {
    if (audience.channels().isEmpty()) {
      return 0;
    }
    return visible(jdbc.sql("select count(*) from notification n where " + VISIBLE + " and " + UNREAD), audience,
        preferences)
        .param("watermark", watermark(audience.userId()))
        .query(Long.class).single();
  }

  /**
   * Marks one entry read for this user.
   *
   * @return false when the audience cannot see an entry with that id (unknown, or someone else's): nothing changes
   */
  boolean markRead(Audience audience, String eventId) {
    if (audience.channels().isEmpty()) {
      return false;
    }
    int marked = jdbc.sql("""
            insert into notification_read (user_id, notification_seq)
            select :user, n.seq from notification n where n.event_id = :id and n.channels && :channels
            on conflict do nothing""")
        .param("user", audience.userId())
        .param("id", eventId)
        .param("channels", SqlArrays.text(audience.channels()))
        .update();
    return marked > 0 || jdbc.sql("select count(*) from notification n where n.event_id = :id"
            + " and n.channels && :channels")
        .param("id", eventId)
        .param("channels", SqlArrays.text(audience.channels()))
        .query(Long.class).single() > 0;
  }

  /**
   * Marks everything the inbox holds now as read for this user: one watermark row, whatever the number of entries.
   * Takes the writers' lock shared, so no entry numbered below the watermark is still being written.
   */
  void markAllRead(String userId) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("select pg_advisory_xact_lock_shared(" + InboxStore.WRITE_LOCK + ")").query(rs -> {});
      long watermark = jdbc.sql("""
              insert into notification_read_watermark (user_id, read_up_to)
              select :user, coalesce(max(seq), 0) from notification
              on conflict (user_id) do update
                set read_up_to = greatest(notification_read_watermark.read_up_to, excluded.read_up_to),
                    updated_at = now()
              returning read_up_to""")
          .param("user", userId)
          .query(Long.class).single();
      // single markers below the watermark say nothing more
      jdbc.sql("delete from notification_read where user_id = :user and notification_seq <= :watermark")
          .param("user", userId).param("watermark", watermark).update();
    });
  }

  private long watermark(String userId) {
    return jdbc.sql("select read_up_to from notification_read_watermark where user_id = :user")
        .param("user", userId).query(Long.class).optional().orElse(0L);
  }

  private static JdbcClient.StatementSpec visible(JdbcClient.StatementSpec spec, Audience audience,
      Preferences preferences) {
    return spec.param("user", audience.userId())
        .param("channels", SqlArrays.text(audience.channels()))
        .param("minimum", preferences.minimumPriority().rank())
        .param("muted", SqlArrays.text(preferences.mutedTypes()));
  }

  private record Row(Notification notification, Cursor cursor) {}

  private static Row row(ResultSet rs, Audience audience) throws SQLException {
    List<String> channels = Arrays.stream((String[]) rs.getArray("channels").getArray())
        .filter(audience.channels()::contains).toList();
    OffsetDateTime time = rs.getObject("occurred_at", OffsetDateTime.class);
    Notification notification = new Notification(rs.getString("event_id"), rs.getString("type"),
        rs.getString("title"), rs.getString("summary"), Priority.ofRank(rs.getInt("priority")), time.toInstant(),
        channels, rs.getString("position"), rs.getBoolean("read"), rs.getString("event"));
    return new Row(notification, new Cursor(time.toInstant(), rs.getLong("seq")));
  }
}
