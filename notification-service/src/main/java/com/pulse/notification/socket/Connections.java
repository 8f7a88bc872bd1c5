package com.pulse.notification.socket;

import com.pulse.notification.channel.Viewer;
import com.pulse.notification.metrics.NotificationMetrics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Every open connection of this instance: counted for the gauge, pinged by one shared heartbeat (one timer for all
 * connections, not one each), closed when idle, and told to reconnect elsewhere (1012) when the service stops,
 * before the web server's graceful shutdown waits for them.
 */
@Component
final class Connections implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Connections.class);

  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final SocketProperties settings;
  private final NotificationMetrics metrics;
  private final LongSupplier nanoClock;
  private final Consumer<WebSocketSession> drop;
  private volatile Disposable heartbeat;

  @Autowired
  Connections(SocketProperties settings, NotificationMetrics metrics, SocketChannels channels) {
    this(settings, metrics, System::nanoTime, channels::drop);
  }

  Connections(SocketProperties settings, NotificationMetrics metrics, LongSupplier nanoClock,
      Consumer<WebSocketSession> drop) {
    this.drop = drop;
    this.settings = settings;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    metrics.connections(open, Set::size);
  }

  Connection open(WebSocketSession session, Viewer viewer) {
    Connection connection = new Connection(session, viewer, settings.sendQueue(), metrics, nanoClock,
        settings.closeGrace(), drop);
    open.add(connection);
    return connection;
  }

  void closed(Connection connection) {
    connection.terminated();
    open.remove(connection);
  }

  int size() {
    return open.size();
  }

  /** Pings every connection, and closes those silent for longer than the idle timeout. */
  void heartbeat() {
    long now = nanoClock.getAsLong();
    long idleNanos = settings.idleTimeout().toNanos();
    for (Connection connection : open) {
      try {
        if (now - connection.lastSeenNanos() > idleNanos) {
          connection.close(CloseCodes.IDLE, "idle");
        } else {
          connection.ping();
        }
      } catch (RuntimeException e) {
        log.warn("Heartbeat failed for {}", connection, e);
      }
    }
  }

  @Override
  public void start() {
    long period = settings.heartbeat().toMillis();
    heartbeat = Schedulers.parallel().schedulePeriodically(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    Disposable ticker = heartbeat;
    heartbeat = null;
    if (ticker != null) {
      ticker.dispose();
    }
    open.forEach(connection -> connection.close(CloseCodes.RESTARTING, null));
  }

  @Override
  public boolean isRunning() {
    return heartbeat != null;
  }

  /** Stops first (highest phase): connections are told to go before the web server drains. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
