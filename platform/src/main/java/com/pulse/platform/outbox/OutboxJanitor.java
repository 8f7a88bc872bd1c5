package com.pulse.platform.outbox;

import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes published rows once they are older than the retention period, in small batches, every
 * {@code pulse.outbox.cleanup-interval}; on one instance of the service at a time (ShedLock), since a second one
 * would only race the first for the same rows.
 */
public class OutboxJanitor {

  private static final Logger log = LoggerFactory.getLogger(OutboxJanitor.class);
  private static final int BATCH = 5_000;

  private final OutboxStore store;
  private final OutboxProperties properties;

  OutboxJanitor(OutboxStore store, OutboxProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** Deletes every published row older than the retention period; returns how many. */
  public int cleanUp() {
    Instant cutoff = Instant.now().minus(properties.retention());
    int total = 0;
    int deleted;
    do {
      deleted = store.deletePublishedBefore(cutoff, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      log.debug("Deleted {} published outbox rows older than {}", total, cutoff);
    }
    return total;
  }

  @Scheduled(fixedDelayString = "${pulse.outbox.cleanup-interval:10m}",
      initialDelayString = "${pulse.outbox.cleanup-interval:10m}")
  @SchedulerLock(name = "pulse-outbox-janitor")
  public void cleanUpQuietly() {
    try {
      cleanUp();
    } catch (DataAccessException e) {
      log.warn("Outbox cleanup failed; will try again in {}", properties.cleanupInterval(), e);
    }
  }
}
