package com.pulse.bench.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * WebSocket clients (Reactor Netty, a few event-loop threads for thousands of sockets), opened and closed in
 * rounds. A socket counts as open once it received the service's first frame through the gateway; it is closed
 * from this side with a normal close (1000).
 */
final class ClientSockets {

  private final HttpClient client;
  private final String url;
  private final Map<Integer, LongAdder> closeCodes = new ConcurrentHashMap<>();

  /** @param url {@code ws://host:port/ws?access_token=...} */
  ClientSockets(String url) {
    // no connection pool: a pooled client would hold every open socket against its pool's small limit
    this.client = HttpClient.newConnection()
        .doOnConnected(connection -> connection.addHandlerFirst(NoOrigin.NAME, NoOrigin.INSTANCE));
    this.url = url;
  }

  /** Close code the clients received back → how many. */
  Map<Integer, Long> closeCodes() {
    Map<Integer, Long> codes = new TreeMap<>();
    closeCodes.forEach((code, count) -> codes.put(code, count.sum()));
    return codes;
  }

  /**
   * Opens {@code count} sockets, at most {@code concurrency} handshakes in flight, and waits until each got its
   * first frame.
   *
   * @throws IllegalStateException when not all of them did within {@code timeout}
   */
  Round open(int count, int concurrency, Duration timeout) {
    Round round = new Round(count);
    try {
      Flux.range(0, count).flatMap(i -> round.openOne(), concurrency).then().block(timeout);
    } catch (RuntimeException e) {
      round.closeAll();
      throw new IllegalStateException("opened " + round.framed.sum() + " of " + count + " sockets ("
          + round.failed.sum() + " failed" + (round.firstError == null ? "" : ", first: " + round.firstError)
          + ")", e);
    }
    if (round.framed.sum() != count) {
      round.closeAll();
      throw new IllegalStateException("only " + round.framed.sum() + " of " + count + " sockets opened, "
          + round.failed.sum() + " failed; first error: " + round.firstError);
    }
    return round;
  }

  /**
   * Netty's handshaker adds an {@code Origin} header of its own; the gateway refuses origins off its allowlist,
   * as it should for browsers. These clients are not browsers, so they send none. Leaves after the handshake.
   */
  @ChannelHandler.Sharable
  private static final class NoOrigin extends ChannelOutboundHandlerAdapter {

    static final String NAME = "pulse.noOrigin";
    static final NoOrigin INSTANCE = new NoOrigin();

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
      if (message instanceof HttpRequest request) {
        request.headers().remove(HttpHeaderNames.ORIGIN);
        ctx.pipeline().remove(this);
      }
      ctx.write(message, promise);
    }
  }

  /** The sockets of one round. */
  final class Round {

    private final List<Sinks.Empty<Void>> closers;
    private final LongAdder framed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private final LongAdder endedEarly = new LongAdder();
    private volatile Throwable firstError;
    private volatile boolean closing;

    private Round(int count) {
      this.closers = new ArrayList<>(count);
    }

    private synchronized Sinks.Empty<Void> closer() {
      Sinks.Empty<Void> closeNow = Sinks.empty();
      closers.add(closeNow);
      return closeNow;
    }

    /** Completes when the socket got its first frame (or failed: counted, not an error). */
    private Mono<Void> openOne() {
      Sinks.Empty<Void> firstFrame = Sinks.empty();
      Sinks.Empty<Void> closeNow = closer();
      client.websocket().uri(url).handle((in, out) -> {
        in.receiveCloseStatus().subscribe(status ->
            closeCodes.computeIfAbsent(status.code(), code -> new LongAdder()).increment());
        boolean[] first = {true}; // frames of one socket arrive one after another
        Mono<Void> reading = in.receiveFrames()
            .doOnNext(frame -> {
              if (first[0]) {
                first[0] = false;
                framed.increment(); // before the signal: whoever waits for it reads the count
                firstFrame.tryEmitEmpty();
              }
            })
            .then()
            // ended, by our close or not: an end before closeAll() came from the gateway or the service
            .doFinally(signal -> {
              if (!closing) {
                endedEarly.increment();
              }
              closeNow.tryEmitEmpty();
            });
        Mono<Void> sendClose = closeNow.asMono()
            .then(Mono.defer(() -> out.sendClose(1000, "round over")))
            .onErrorResume(alreadyClosed -> Mono.empty());
        return Mono.when(reading, sendClose);
      }).then().subscribe(null, error -> {
        failed.increment();
        if (firstError == null) {
          firstError = error;
        }
        firstFrame.tryEmitEmpty();
        ended.increment();
      }, ended::increment);
      return firstFrame.asMono();
    }

    /** Sends every socket's close frame (1000). */
    void closeAll() {
      closing = true;
      List<Sinks.Empty<Void>> all;
      synchronized (this) {
        all = List.copyOf(closers);
      }
      all.forEach(Sinks.Empty::tryEmitEmpty);
    }

    /** Sockets whose connection has ended, however. */
    long ended() {
      return ended.sum();
    }

    /** Sockets that ended before {@link #closeAll()}: the gateway or the service closed them. */
    long endedEarly() {
      return endedEarly.sum();
    }
  }
}
