package com.pulse.notification.inbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the inbox bounded: deletes entries older than {@link InboxProperties#retention()} (their read markers go with
 * them), a limited number per statement so no long lock is held. Runs on every instance; deleting twice is harmless.
 */
@Component
class InboxRetention {

  private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
  static final int CHUNK = 5_000;

  private final JdbcClient jdbc;
  private final InboxProperties settings;

  InboxRetention(JdbcClient jdbc, InboxProperties settings) {
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

  /** Every {@code purgeEvery}, on one instance at a time (ShedLock): a second one would only race it. */
  @Scheduled(fixedDelayString = "${pulse.notification.inbox.purge-every:1h}",
      initialDelayString = "${pulse.notification.inbox.purge-every:1h}")
  @SchedulerLock(name = "notification-inbox-retention")
  void purgeExpired() {
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
