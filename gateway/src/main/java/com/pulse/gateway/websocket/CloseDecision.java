package com.pulse.gateway.websocket;

import com.pulse.gateway.websocket.SocketEnd.ReceivedClose;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * How one end of a proxied socket is closed because of the other end, decided exactly once, here and nowhere else,
 * once the other end's inbound has ended (every frame it sent before its close passed on), from what its
 * {@link SocketEnd} knows by then or learns after:
 *
 * <ol>
 *   <li>its message was over the frame limit: the client gets {@code 1014 service message too big}, the service
 *       {@code 1009 client message too big};</li>
 *   <li>it sent a close frame: the close frame is relayed as it came, then the connection is closed;</li>
 *   <li>its connection closed without a close frame: this end's connection is dropped too (1006 for a client).</li>
 * </ol>
 *
 * Whichever is told first, the outcome is the same: the frame limit's news comes in the task that closes the
 * connection, the close one task later ({@link SocketEnd}). Every signal is certain to come (an inbound ends when its
 * connection closes, and a connection always closes: the closing handshake waits 5 s at most), so no timer is needed.
 */
final class CloseDecision {

  private static final Logger log = LoggerFactory.getLogger(CloseDecision.class);

  private final SocketEnd from;
  private final WebsocketOutbound to;
  private final Channel toChannel;
  private final SocketEnd toEnd;
  private final boolean toClient;
  private final AtomicBoolean decided = new AtomicBoolean();
  private final Sinks.Empty<Void> done = Sinks.empty();
  private volatile boolean inboundEnded;

  /**
   * @param from the end whose messages and close decide
   * @param toClient whether the end to close is the client's (its codes differ from the service's)
   */
  CloseDecision(SocketEnd from, WebsocketOutbound to, Channel toChannel, boolean toClient) {
    this.from = from;
    this.to = to;
    this.toChannel = toChannel;
    this.toEnd = SocketEnd.of(toChannel);
    this.toClient = toClient;
  }

  /** Starts listening to the other end; completes once the decided close is written (or found impossible). */
  Mono<Void> closed() {
    return Mono.defer(() -> {
      from.listen(this);
      return done.asMono();
    });
  }

  /** The other end's inbound has ended: every frame it received was handed on. */
  void inboundEnded() {
    inboundEnded = true;
    evaluate();
  }

  /** Decides if what is known decides; called on every change, from any thread. */
  void evaluate() {
    if (!inboundEnded) {
      return; // every frame that came before the close goes first
    }
    ReceivedClose received = from.received();
    if (from.tooBig()) {
      decide(this::sizeClose);
    } else if (received != null) {
      decide(() -> relayable(received)
          ? send(received).then(Mono.fromRunnable(() -> drop(toChannel)))
          : Mono.fromRunnable(() -> drop(toChannel)));
    } else if (from.closed()) {
      decide(() -> Mono.fromRunnable(() -> drop(toChannel)));
    }
    // else the inbound ended with an error on a connection still open: its close is on the way
  }

  /**
   * Runs the close on the event loop of the end it closes, where the end cannot close meanwhile: a close frame for an
   * end already closed is not even made (made and not written, its buffer would leak), and one for an open end is
   * written after every frame relayed before it (those writes are queued on that loop already).
   */
  private void decide(Supplier<Mono<Void>> close) {
    if (!decided.compareAndSet(false, true)) {
      return;
    }
    EventLoop loop = toEnd.loop();
    if (loop == null) {
      done.tryEmitEmpty(); // the end is long gone
      return;
    }
    loop.execute(() -> {
      Mono<Void> closing = toChannel.isActive() ? close.get() : Mono.empty();
      // never fails: a close that cannot be written finds its end gone already
      closing.onErrorResume(error -> {
        log.debug("WebSocket close not written: {}", error.toString());
        return Mono.empty();
      }).subscribe(null, null, done::tryEmitEmpty);
    });
  }

  private Mono<Void> sizeClose() {
    return toClient
        ? to.sendClose(SocketRelay.BAD_GATEWAY, "service message too big")
        : to.sendClose(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "client message too big");
  }

  /** No frame may carry 1006 and the like, which describe a connection that ended without one. */
  private static boolean relayable(ReceivedClose close) {
    return close.code() == -1 || WebSocketCloseStatus.isValidStatusCode(close.code());
  }

  private Mono<Void> send(ReceivedClose close) {
    return close.code() == -1
        ? to.sendClose() // a close frame without a code, as it came
        : to.sendClose(close.code(), close.reason());
  }

  /**
   * Ends a connection without a close frame, as the other end's ended. ({@code Connection.dispose()} would send an
   * empty close frame first, which the peer reads as 1005, not as a dropped connection.) A closed channel is soon
   * deregistered, and Netty refuses even to close it again then: it has no event loop left.
   */
  static void drop(Channel channel) {
    try {
      if (channel.isRegistered()) {
        channel.close();
      }
    } catch (IllegalStateException deregisteredMeanwhile) {
      log.debug("WebSocket connection {} was closed already", channel.remoteAddress());
    }
  }
}
