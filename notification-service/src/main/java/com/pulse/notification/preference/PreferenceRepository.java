package com.pulse.notification.preference;

import com.pulse.events.Priority;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Preferences in notification-service's database, one row per user who saved any. Blocking: call it off the event
 * loop.
 */
@Repository
public class PreferenceRepository {

  private final JdbcClient jdbc;

  PreferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's preferences, or the defaults when they never saved any. */
  public Preferences find(String userId) {
    return jdbc.sql("select minimum_priority, muted_types from notification_preference where user_id = :user")
        .param("user", userId)
        .query((rs, row) -> preferences(rs))
        .optional()
        .orElse(Preferences.DEFAULT);
  }

  void save(String userId, Preferences preferences) {
    jdbc.sql("""
            insert into notification_preference (user_id, minimum_priority, muted_types)
            values (:user, :minimum, :muted)
            on conflict (user_id) do update
              set minimum_priority = excluded.minimum_priority, muted_types = excluded.muted_types,
                  updated_at = clock_timestamp()""")
        .param("user", userId)
        .param("minimum", preferences.minimumPriority().name())
        .param("muted", SqlArrays.text(preferences.mutedTypes()))
        .update();
  }

  /** The database's clock: where the next {@link #changedSince} starts, whatever the clocks of the instances say. */
  Instant now() {
    return jdbc.sql("select now()").query(OffsetDateTime.class).single().toInstant();
  }

  /** Every user's preferences saved at or after {@code since} (all of them for {@link Instant#EPOCH}). */
  Map<String, Preferences> changedSince(Instant since) {
    Map<String, Preferences> changed = new LinkedHashMap<>();
    jdbc.sql("""
            select user_id, minimum_priority, muted_types from notification_preference
            where updated_at >= :since order by updated_at""")
        .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
        .query(rs -> {
          changed.put(rs.getString("user_id"), preferences(rs));
        });
    return changed;
  }

  private static Preferences preferences(ResultSet rs) throws SQLException {
    Array muted = rs.getArray("muted_types");
    return new Preferences(Priority.valueOf(rs.getString("minimum_priority")),
        muted == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) muted.getArray())));
  }
}
