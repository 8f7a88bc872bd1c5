package com.pulse.notification.socket;

import com.pulse.notification.channel.Delivery;
import com.pulse.identity.Caller;
import com.pulse.identity.revocation.Revocations;
import com.pulse.notification.admission.ConnectionAdmission;
import com.pulse.notification.metrics.NotificationMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Every open connection of this instance: counted for the gauge and the limits (per instance, per user), pinged by
 * one shared heartbeat (one scheduled job for all connections, not a timer each), closed when idle or when its token
 * expired, and told to reconnect elsewhere (1012) when the service stops, before the web server's graceful shutdown
 * waits for them.
 */
@Component
final class Connections implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Connections.class);

  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final Clock clock = Clock.systemUTC();
  private final SocketProperties settings;
  private final NotificationMetrics metrics;
  private final LongSupplier nanoClock;
  private final SocketTeardown teardown;
  private final Supplier<RateLimit> rateLimits;
  private final ConnectionAdmission admission;
  private volatile boolean running;
  private volatile boolean stopping;

  /** Sockets of a revoked sign-in or token (published to {@code pulse.revocations}) are closed with 4003 at once. */
  @Autowired
  Connections(SocketProperties settings, NotificationMetrics metrics, SocketChannels channels,
      ConnectionAdmission admission, Revocations revocations) {
    this(settings, metrics, System::nanoTime, channels, admission);
    revocations.onRevoked(this::revoked);
  }

  Connections(SocketProperties settings, NotificationMetrics metrics, LongSupplier nanoClock,
      SocketTeardown teardown) {
    this(settings, metrics, nanoClock, teardown,
        new ConnectionAdmission(settings.maxConnections(), settings.maxConnectionsPerUser(), metrics));
  }

  private Connections(SocketProperties settings, NotificationMetrics metrics, LongSupplier nanoClock,
      SocketTeardown teardown, ConnectionAdmission admission) {
    this.admission = admission;
    this.teardown = teardown;
    this.settings = settings;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.rateLimits = () -> new RateLimit(settings.framesPerSecond(), settings.frameBurst(), nanoClock);
  }

  Connection open(WebSocketSession session, Caller caller) {
    return open(session, caller, Delivery::frame);
  }

  /** Opens a connection that sends {@code eventFrames} of each event delivered to it (null: nothing). */
  Connection open(WebSocketSession session, Caller caller, Function<Delivery, byte[]> eventFrames) {
    Connection connection = new Connection(session, caller, settings.sendQueue(), metrics, nanoClock,
        settings.closeGrace(), teardown, eventFrames);
    connection.rateLimits(rateLimits);
    open.add(connection);
    return connection;
  }

  /**
   * Counts a new connection against the limits shared with SSE ({@link ConnectionAdmission}); the name of the limit
   * it would exceed ({@code instance}, {@code user}), or null when admitted. Each admitted connection must be
   * {@link #release}d once.
   */
  String admit(String userId) {
    return admission.admit(userId);
  }

  void release(String userId) {
    admission.release(userId);
  }

  void closed(Connection connection) {
    connection.terminated();
    open.remove(connection);
  }

  int size() {
    return open.size();
  }

  /** Closes, with 4001, every connection whose token expired without a {@code refresh}: within a second of its exp. */
  @Scheduled(fixedRate = 1, initialDelay = 1, timeUnit = TimeUnit.SECONDS)
  void expire() {
    Instant now = clock.instant();
    for (Connection connection : open) {
      Instant expiry = connection.expiresAt();
      if (expiry != null && !now.isBefore(expiry)) {
        connection.close(CloseCodes.TOKEN_EXPIRED, "token_expired");
      }
    }
  }

  /** Closes, with 4003, every connection opened or refreshed with a token of the revoked sign-in or token id. */
  void revoked(String tokenOrSessionId) {
    for (Connection connection : open) {
      if (connection.usesToken(tokenOrSessionId)) {
        connection.close(CloseCodes.REVOKED, "token_revoked");
      }
    }
  }

  /** Pings every connection, and closes those silent for longer than the idle timeout. */
  @Scheduled(fixedRateString = "${pulse.notification.socket.heartbeat:25s}",
      initialDelayString = "${pulse.notification.socket.heartbeat:25s}")
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
    stopping = false;
    running = true;
  }

  /** False once the service began to stop: new handshakes are refused, the open sockets were told to go. */
  boolean accepting() {
    return !stopping;
  }

  @Override
  public void stop() {
    stopping = true;
    running = false;
    open.forEach(connection -> connection.close(CloseCodes.RESTARTING, null));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops first (highest phase): connections are told to go before the web server drains. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
