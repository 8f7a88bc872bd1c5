package com.pulse.platform.outbox;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes published rows once they are older than the retention period, in small batches. */
public class OutboxJanitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxJanitor.class);
  private static final int BATCH = 5_000;

  private final OutboxStore store;
  private final OutboxProperties properties;
  private ScheduledExecutorService scheduler;

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

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-janitor").daemon()
        .factory());
    long every = properties.cleanupInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::cleanUpQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void cleanUpQuietly() {
    try {
      cleanUp();
    } catch (RuntimeException e) {
      log.warn("Outbox cleanup failed; will try again in {}", properties.cleanupInterval(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
