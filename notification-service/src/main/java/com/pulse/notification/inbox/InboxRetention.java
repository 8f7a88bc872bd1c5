package com.pulse.notification.inbox;

import com.pulse.notification.PeriodicTask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the inbox bounded: deletes entries older than {@link InboxProperties#retention()} (their read markers go with
 * them), a limited number per statement so no long lock is held. Runs on every instance; deleting twice is harmless.
 */
@Component
class InboxRetention extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
  static final int CHUNK = 5_000;

  private final JdbcClient jdbc;
  private final InboxProperties settings;

  InboxRetention(JdbcClient jdbc, InboxProperties settings) {
    super("inbox-retention", settings.purgeEvery(), settings.purgeEvery());
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Deletes every entry whose event happened before {@code now - retention}; returns how many. */
  int purge(Instant now) {
    OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(settings.retention()), ZoneOffset.UTC);
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.sql("""
              delete from notification where seq in
                (select seq from notification where occurred_at < :cutoff limit :chunk)""")
          .param("cutoff", cutoff).param("chunk", CHUNK).update();
      total += deleted;
    } while (deleted == CHUNK);
    return total;
  }

  @Override
  protected void runOnce() {
    try {
      int deleted = purge(Instant.now());
      if (deleted > 0) {
        log.info("Inbox retention: deleted {} entries older than {}", deleted, settings.retention());
      }
    } catch (DataAccessException e) {
      log.warn("Inbox retention could not run ({}); trying again in {}", e.toString(), settings.purgeEvery());
    }
  }
}
