package com.pulse.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes committed outbox rows to Kafka, in id order, from one thread.
 *
 * <p>It holds its own database connection (not a pooled one): that connection {@code LISTEN}s for the commit
 * notification and holds the advisory lock that makes this relay the only publisher of its database. A relay that
 * does not get the lock stays on standby and tries again every poll interval; when the leader stops or dies, its
 * connection closes, the lock goes with it, and a standby takes over.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final RelayConnections connections;
  private final OutboxPublisher publisher;
  private final OutboxMetrics metrics;
  private final OutboxProperties properties;
  private volatile boolean running;
  private volatile boolean leader;
  private Thread thread;

  OutboxRelay(RelayConnections connections, OutboxPublisher publisher, OutboxMetrics metrics,
      OutboxProperties properties) {
    this.connections = connections;
    this.publisher = publisher;
    this.metrics = metrics;
    this.properties = properties;
    metrics.leaderGauge(this);
  }

  /** Whether this relay holds the lock and publishes; the other instances are on standby. */
  public boolean isLeader() {
    return leader;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(properties.pollInterval().toMillis() + TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
    publisher.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Start after the web server and everything else; stop before the data source goes away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private void run() {
    Duration backoff = properties.backoffInitial();
    while (running) {
      try (Connection connection = connections.open()) {
        connection.setAutoCommit(true);
        backoff = relay(connection, properties.backoffInitial());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn("Outbox relay lost its database connection; reconnecting in {}", backoff, e);
          backoff = pause(backoff);
        }
      } finally {
        leader = false;
      }
    }
  }

  /** The relay loop on one connection; returns when stopped. Throws when the connection breaks. */
  private Duration relay(Connection connection, Duration backoff) throws SQLException, InterruptedException {
    PGConnection notifications = connection.unwrap(PGConnection.class);
    while (running) {
      if (!leader) {
        leader = OutboxStore.tryLead(connection);
        if (leader) {
          // only the leader listens: standbys would otherwise wake on every commit for nothing
          OutboxStore.listen(connection);
          log.info("Outbox relay leads: publishing this database's events");
        } else {
          Thread.sleep(properties.pollInterval());
          continue;
        }
      }
      List<PendingEvent> batch = OutboxStore.pending(connection, properties.batchSize());
      if (batch.isEmpty()) {
        awaitCommit(notifications, properties.pollInterval());
        continue;
      }
      OutboxPublisher.Outcome outcome = publisher.publish(batch);
      OutboxStore.markPublished(connection, outcome.published().stream().map(PendingEvent::id).toList());
      metrics.published(outcome.published(), Instant.now());
      if (outcome.complete()) {
        backoff = properties.backoffInitial();
      } else {
        String error = String.valueOf(outcome.firstError());
        OutboxStore.markFailed(connection, outcome.failed().stream().map(PendingEvent::id).toList(), error);
        metrics.failed(outcome.failed().size());
        log.warn("Kafka did not acknowledge {} of {} events ({}); retrying in {}", outcome.failed().size(),
            batch.size(), error, backoff);
        backoff = pause(backoff);
      }
    }
    return backoff;
  }

  /** Blocks until a commit notifies the channel or the timeout passes; drains every pending notification. */
  private void awaitCommit(PGConnection connection, Duration timeout) throws SQLException {
    if (Thread.interrupted()) {
      return;
    }
    connection.getNotifications((int) Math.max(1, timeout.toMillis()));
  }

  /** Sleeps for the backoff (with jitter so instances do not retry in step) and returns the next one. */
  private Duration pause(Duration backoff) {
    long jittered = (long) (backoff.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble()));
    try {
      Thread.sleep(jittered);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration next = backoff.multipliedBy(2);
    return next.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : next;
  }
}
