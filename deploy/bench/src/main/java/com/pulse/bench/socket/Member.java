package com.pulse.bench.socket;

import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * One benchmark client socket on {@code /ws}, as a well-behaved front-end would run it: keeps its stream position
 * from every frame, and when the connection is lost (1012 on a restart, a dropped TCP connection) reconnects with
 * exponential backoff and full jitter, sending its position as {@code since}. It counts every benchmark event once
 * (a second copy is a duplicate) and times each recovery from the moment the connection was lost until every
 * channel it had was resubscribed.
 *
 * <p>Frames of one connection arrive on its one event-loop thread, so its state needs no locks; the coordinator reads
 * only the shared {@link FleetStats} and {@link #missing}.
 */
final class Member {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
  private static final WebsocketClientSpec SPEC = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();

  private final String baseUri;
  private final String token;
  private final HttpClient client;
  private final FleetStats stats;
  private final AtomicInteger openConnections;
  private final boolean reconnect;
  private final StreamPositions position = new StreamPositions();
  private final BitSet seen = new BitSet();

  private volatile Sinks.Many<WebSocketFrame> outbound;
  private volatile boolean leaving;
  private volatile boolean open;
  private volatile Sinks.One<Boolean> greeted;
  private long lostAt;
  private long attemptStartedAt;
  private int attempts;
  private int awaitingSubscribed;
  private boolean allRecovered;
  private int closeCode;

  Member(String baseUri, String token, HttpClient client, FleetStats stats, AtomicInteger openConnections,
      boolean reconnect) {
    this.baseUri = baseUri;
    this.token = token;
    this.client = client;
    this.stats = stats;
    this.openConnections = openConnections;
    this.reconnect = reconnect;
  }

  /** Connects; true once the server's {@code connected} frame arrived, false if this attempt failed. */
  Mono<Boolean> connect() {
    Sinks.One<Boolean> done = Sinks.one();
    greeted = done;
    attemptStartedAt = System.nanoTime();
    String since = position.isEmpty() ? "" : "&since=" + URLEncoder.encode(position.toString(), StandardCharsets.UTF_8);
    client.websocket(SPEC).uri(baseUri + "?access_token=" + token + since)
        .handle((in, out) -> {
          Sinks.Many<WebSocketFrame> sink = Sinks.many().unicast().onBackpressureBuffer();
          outbound = sink;
          in.receiveCloseStatus().subscribe(status -> closeCode = status.code());
          Mono<Void> reading = in.aggregateFrames(1 << 20).receiveFrames()
              .doOnNext(frame -> {
                if (frame instanceof TextWebSocketFrame text) {
                  onText(text.text());
                }
              })
              .then();
          return Mono.firstWithSignal(reading, out.sendObject(sink.asFlux()).then());
        })
        .subscribe(null, error -> ended(), this::ended);
    return done.asMono();
  }

  /** Closes normally (1000); no reconnect follows. */
  void leave() {
    leaving = true;
    Sinks.Many<WebSocketFrame> sink = outbound;
    if (sink != null) {
      sink.tryEmitNext(new CloseWebSocketFrame(1000, "bench done"));
    }
  }

  /** Benchmark events in {@code [first, last]} this client never received. */
  int missing(long first, long last) {
    synchronized (seen) {
      int expected = (int) (last - first + 1);
      return expected - seen.get((int) first, (int) last + 1).cardinality();
    }
  }

  private void onText(String frame) {
    long now = System.nanoTime();
    stats.frames.incrementAndGet();
    String type = Frames.string(frame, "type");
    if ("event".equals(type)) {
      position.merge(Frames.string(frame, "position"));
      long[] marker = Frames.marker(frame);
      if (marker != null) {
        boolean first;
        synchronized (seen) {
          first = !seen.get((int) marker[0]);
          seen.set((int) marker[0]);
        }
        if (first) {
          stats.event(marker[0], marker[1], now);
        } else {
          stats.duplicates.incrementAndGet();
        }
      }
    } else if ("subscribed".equals(type)) {
      position.merge(Frames.string(frame, "position"));
      allRecovered &= Frames.flag(frame, "recovered");
      if (awaitingSubscribed > 0 && --awaitingSubscribed == 0) {
        recovered(now, allRecovered);
      }
    } else if ("connected".equals(type)) {
      connected(frame, now);
    } else if ("error".equals(type)) {
      stats.errors.incrementAndGet();
    }
  }

  private void connected(String frame, long now) {
    open = true;
    openConnections.incrementAndGet();
    attempts = 0;
    stats.handshakeMicros.recordValue((now - attemptStartedAt) / 1000);
    if (lostAt != 0) {
      List<String> channels = Frames.strings(frame, "channels");
      if (position.isEmpty() || channels.isEmpty()) {
        recovered(now, false); // nothing to resume from: the client would refetch over REST
      } else {
        awaitingSubscribed = channels.size();
        allRecovered = true;
      }
    } else {
      position.merge(Frames.string(frame, "position"));
    }
    Sinks.One<Boolean> done = greeted;
    if (done != null) {
      done.tryEmitValue(true);
    }
  }

  private void recovered(long now, boolean recovered) {
    stats.recoveryMillis.recordValue(Math.max(0, (now - lostAt) / 1_000_000));
    stats.lastRecoveredAt.accumulate(now);
    (recovered ? stats.recovered : stats.notRecovered).incrementAndGet();
    lostAt = 0;
  }

  private void ended() {
    if (open) {
      open = false;
      openConnections.decrementAndGet();
      stats.closed(closeCode);
    }
    closeCode = 0;
    outbound = null;
    Sinks.One<Boolean> done = greeted;
    if (done != null) {
      done.tryEmitValue(false);
    }
    if (leaving || !reconnect) {
      return;
    }
    if (lostAt == 0) {
      lostAt = System.nanoTime();
    }
    stats.reconnects.incrementAndGet();
    long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempts, 10));
    attempts++;
    long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
    Schedulers.parallel().schedule(() -> connect().subscribe(), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
