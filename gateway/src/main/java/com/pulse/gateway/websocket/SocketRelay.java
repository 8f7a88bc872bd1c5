package com.pulse.gateway.websocket;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One proxied socket: frames both ways ({@link FrameRelay}), then each end's close passed to the other end as it
 * came, so that a client decides from the service's own code and reason whether and when to reconnect.
 *
 * <ul>
 *   <li>A close frame is relayed with its code and reason, whatever the code (1012, 1013 and 4xxx included), after
 *       every frame that came before it; a close frame without a code is relayed without one.</li>
 *   <li>An end that went away without a close frame (a dropped connection) is mirrored by dropping the other end's
 *       connection: the other end sees what it would have seen without the gateway (1006), never a made-up code.</li>
 *   <li>A message over the frame limit ({@link FrameLimitGuard}) closes its sender with 1009; the other end learns
 *       why: the service gets 1009, the client gets 1014 (bad gateway: the service sent something the gateway
 *       refused to pass on).</li>
 * </ul>
 *
 * The relay never fails: Reactor Netty would answer a failed handler with a 1002 close of its own.
 */
final class SocketRelay {

  static final int BAD_GATEWAY = 1014;
  /** How long an ended inbound may take to say how it closed; after that it is taken as dropped. */
  private static final Duration CLOSE_STATUS_WAIT = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(SocketRelay.class);

  private final SocketHandlers clientHandlers;

  /** @param clientHandlers installed on each client connection; a service connection comes with its own */
  SocketRelay(SocketHandlers clientHandlers) {
    this.clientHandlers = clientHandlers;
  }

  /** Runs until both ends are closed; then the service's connection is closed whatever happened. */
  Mono<Void> run(WebsocketInbound clientIn, WebsocketOutbound clientOut, Connection service) {
    WebsocketInbound serviceIn = (WebsocketInbound) service;
    WebsocketOutbound serviceOut = (WebsocketOutbound) service;
    Connection client = connection(clientIn);
    clientHandlers.install(client);
    Mono<Void> upstream = FrameRelay.forward(clientIn.receiveFrames(), service.channel())
        .then(Mono.defer(() -> relayClose(clientIn, client.channel(), serviceOut, service, false)));
    Mono<Void> downstream = FrameRelay.forward(serviceIn.receiveFrames(), client.channel())
        .then(Mono.defer(() -> relayClose(serviceIn, service.channel(), clientOut, client, true)));
    return Mono.when(upstream, downstream).doFinally(signal -> drop(service));
  }

  /**
   * What the other end must get now that {@code from}'s inbound has ended. Never fails: a close that cannot be written
   * finds its end gone already, and a failure would cancel the other direction's close in the middle of its write.
   */
  private static Mono<Void> relayClose(WebsocketInbound from, Channel fromChannel, WebsocketOutbound to,
      Connection toConnection, boolean toClient) {
    Mono<Void> relayed;
    if (FrameLimitGuard.closedForSize(fromChannel)) {
      relayed = sizeClose(to, toClient);
    } else {
      relayed = from.receiveCloseStatus()
          .timeout(CLOSE_STATUS_WAIT, Mono.empty())
          .map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .flatMap(status -> status.filter(SocketRelay::relayable).isPresent()
              && !FrameLimitGuard.closedForSize(fromChannel)
              ? send(status.get(), to, toConnection).then(Mono.fromRunnable(() -> drop(toConnection)))
              // no close frame: a dropped connection, or one the frame limit closed inside the decoder's task
              : afterCurrentTask(fromChannel).then(Mono.defer(() -> FrameLimitGuard.closedForSize(fromChannel)
                  ? sizeClose(to, toClient)
                  : Mono.fromRunnable(() -> drop(toConnection)))));
    }
    return relayed.onErrorResume(error -> {
      log.debug("WebSocket close to {} not written: {}", toConnection.channel().remoteAddress(), error.toString());
      return Mono.empty();
    });
  }

  private static Mono<Void> sizeClose(WebsocketOutbound to, boolean toClient) {
    return toClient
        ? to.sendClose(BAD_GATEWAY, "service message too big")
        : to.sendClose(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "client message too big");
  }

  /**
   * Completes once the task running on the channel's event loop is over. A frame over the limit closes its connection
   * inside the decoder's task, and the inbound can end (through the close future) before that same task hands the
   * error to {@link FrameLimitGuard}: an end gone without a close frame is judged after the task, when the guard's
   * mark is there to be seen.
   */
  private static Mono<Void> afterCurrentTask(Channel channel) {
    return Mono.create(sink -> channel.eventLoop().execute(sink::success));
  }

  /** 1006 and the like describe a connection that ended without a close frame: no frame may carry them. */
  private static boolean relayable(WebSocketCloseStatus status) {
    return status.code() == WebSocketCloseStatus.EMPTY.code()
        || WebSocketCloseStatus.isValidStatusCode(status.code());
  }

  private static Mono<Void> send(WebSocketCloseStatus status, WebsocketOutbound to, Connection toConnection) {
    if (status.code() == WebSocketCloseStatus.EMPTY.code()) {
      return to.sendClose(); // a close frame without a code, as it came
    }
    return to.sendClose(status.code(), status.reasonText());
  }

  /**
   * Ends a connection without a close frame, as the other end's ended. ({@code Connection.dispose()} would send an
   * empty close frame first, which the peer reads as 1005, not as a dropped connection.)
   */
  private static void drop(Connection connection) {
    connection.channel().close();
  }

  private static Connection connection(WebsocketInbound in) {
    Connection[] connection = new Connection[1];
    in.withConnection(c -> connection[0] = c);
    return connection[0];
  }
}
