package com.pulse.notification.socket;

import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Replay;
import com.pulse.notification.channel.Subscriber;
import com.pulse.identity.Caller;
import com.pulse.notification.metrics.NotificationMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * One open WebSocket and its bounded send queue. Frames come from the intake thread (events), the connection's own
 * thread (replies) and the heartbeat; the queue drains only as fast as the socket accepts. When it is full the client
 * is not keeping up: the connection is closed with 4008 rather than allowed to hold memory or slow anyone else.
 */
final class Connection implements Subscriber {

  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  private final String id = UUID.randomUUID().toString();
  private final WebSocketSession session;
  private final Caller caller;
  private final NotificationMetrics metrics;
  private final SendQueue<Outgoing> waiting;
  private final int capacity;
  private final Sinks.Many<Outgoing> queue;
  private final Set<String> channels = ConcurrentHashMap.newKeySet();
  private final LongSupplier nanoClock;
  private final Duration closeGrace;
  private final SocketTeardown teardown;
  private final Function<Delivery, byte[]> eventFrames;
  private volatile boolean closing;
  private volatile Disposable dropLater;
  private volatile long lastSeenNanos;
  private volatile Instant expiresAt;
  private volatile Set<String> tokenIds = Set.of();
  private Supplier<RateLimit> rateLimits = () -> null;
  private RateLimit rateLimit;

  /**
   * @param closeGrace how long a close handshake may take before {@code drop} ends the TCP connection
   * @param teardown ends the session's TCP connection: at once, or after the close handshake
   */
  Connection(WebSocketSession session, Caller caller, int sendQueue, NotificationMetrics metrics,
      LongSupplier nanoClock, Duration closeGrace, SocketTeardown teardown) {
    this(session, caller, sendQueue, metrics, nanoClock, closeGrace, teardown, Delivery::frame);
  }

  /**
   * @param eventFrames the frame this connection sends for an event (shared, never built per connection), or null
   *     to send nothing for it: {@link Delivery#frame()} on {@code /ws}, a dialect's encoding elsewhere
   */
  Connection(WebSocketSession session, Caller caller, int sendQueue, NotificationMetrics metrics,
      LongSupplier nanoClock, Duration closeGrace, SocketTeardown teardown,
      Function<Delivery, byte[]> eventFrames) {
    this.session = session;
    this.eventFrames = eventFrames;
    this.closeGrace = closeGrace;
    this.teardown = teardown;
    this.caller = caller;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.lastSeenNanos = nanoClock.getAsLong();
    this.capacity = sendQueue;
    this.waiting = new SendQueue<>(sendQueue);
    this.queue = Sinks.many().unicast().onBackpressureBuffer(waiting);
  }

  /** The session id sent to the client in {@code connected}. */
  String id() {
    return id;
  }

  Caller caller() {
    return caller;
  }

  @Override
  public String userId() {
    return caller.id();
  }

  /** When the connection's token expires (null: never); a {@code refresh} moves it. */
  Instant expiresAt() {
    return expiresAt;
  }

  void expiresAt(Instant expiry) {
    this.expiresAt = expiry;
  }

  /** The sign-in ({@code sid}) and token ({@code jti}) ids of the token now in use: opened with, or refreshed to. */
  void usedTokens(Set<String> ids) {
    tokenIds = Set.copyOf(ids);
  }

  boolean usesToken(String id) {
    return tokenIds.contains(id);
  }

  /** The inbound rate limit, made on the first frame that needs it; used on the inbound thread only. */
  RateLimit rateLimit() {
    RateLimit limit = rateLimit;
    if (limit == null) {
      limit = rateLimits.get();
      rateLimit = limit;
    }
    return limit;
  }

  /** Where the rate limit comes from: one factory shared by every connection of the instance. */
  void rateLimits(Supplier<RateLimit> factory) {
    this.rateLimits = factory;
  }

  Set<String> channels() {
    return Collections.unmodifiableSet(channels);
  }

  void joined(Collection<String> names) {
    channels.addAll(names);
  }

  void left(String name) {
    channels.remove(name);
  }

  @Override
  public void deliver(Delivery delivery) {
    byte[] frame = eventFrames.apply(delivery);
    if (frame != null) {
      offer(OutboundFrame.event(frame, delivery.event().time()));
    }
  }

  /** A whole replay is one queue item; its frames are built as the socket drains (see {@link ReplayFrames}). */
  @Override
  public void replay(Replay replay) {
    offer(new ReplayFrames(replay, eventFrames));
  }

  /** Queues a protocol frame (JSON text). */
  void send(byte[] json) {
    offer(OutboundFrame.text(json));
  }

  void ping() {
    offer(OutboundFrame.PING);
  }

  /** Something arrived from the client: it is alive. */
  void touch() {
    lastSeenNanos = nanoClock.getAsLong();
  }

  long lastSeenNanos() {
    return lastSeenNanos;
  }

  /**
   * Queues a frame unless the connection is closing. Synchronized because the sink accepts one producer at a time;
   * contention is rare (replies and heartbeats are few) and the critical section never blocks.
   */
  synchronized boolean offer(Outgoing frame) {
    if (closing) {
      metrics.frameDropped();
      return false;
    }
    Sinks.EmitResult result = queue.tryEmitNext(frame);
    if (result.isSuccess()) {
      return true;
    }
    metrics.frameDropped();
    // overflow reads as FAIL_ZERO_SUBSCRIBER before the socket subscribed: the queue's fill level is the real test
    if (result == Sinks.EmitResult.FAIL_OVERFLOW || waiting.size() >= capacity) {
      log.info("Closing {} of {}: send queue full (slow consumer)", id, caller.id());
      close(CloseCodes.SLOW_CONSUMER, "slow_consumer");
    }
    return false;
  }

  /**
   * What the socket sends: the queued frames, as messages, counted and timed as they are handed over (live events
   * only: a replayed event's lag is how long the client was away, not how fast delivery is). One queue item at a
   * time, so a replay is expanded only as fast as the socket takes its frames.
   */
  Flux<WebSocketMessage> messages() {
    return queue.asFlux().concatMapIterable(item -> switch (item) {
      case OutboundFrame frame -> {
        if (frame.event()) {
          metrics.frameDelivered(frame.eventTime());
        }
        yield List.of(frame.toMessage(session));
      }
      case ReplayFrames replay -> replay.messages(session);
    }, 1);
  }

  /**
   * Closes the connection with a code, at most once; later frames are dropped. If the client has not completed the
   * close handshake within the grace period (a client that stopped reading never even sees the close frame), the TCP
   * connection is dropped.
   *
   * @param reason the metric's reason tag, or null when the close is not a server-side disconnect worth counting
   */
  void close(CloseStatus status, String reason) {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    if (reason != null) {
      metrics.disconnected(reason);
    }
    teardown.beforeClose(session);
    session.close(status).subscribe(null, error -> log.debug("Close of {} failed: {}", id, error.toString()));
    dropLater = Schedulers.parallel().schedule(() -> teardown.drop(session), closeGrace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** True once the connection is being closed (or is gone). */
  boolean closing() {
    return closing;
  }

  /** The socket is gone: nothing more is queued. */
  void terminated() {
    synchronized (this) {
      closing = true;
    }
    Disposable pending = dropLater;
    if (pending != null) {
      pending.dispose();
    }
  }

  @Override
  public String toString() {
    return "Connection[" + id + " " + caller.id() + "]";
  }
}
