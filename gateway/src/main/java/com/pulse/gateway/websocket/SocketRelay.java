package com.pulse.gateway.websocket;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One proxied socket: frames both ways ({@link FrameRelay}), then each end's close passed to the other end as it
 * came, so that a client decides from the service's own code and reason whether and when to reconnect. What each end
 * gets is decided once per direction, by a {@link CloseDecision}:
 *
 * <ul>
 *   <li>A close frame is relayed with its code and reason, whatever the code (1012, 1013 and 4xxx included), after
 *       every frame that came before it; a close frame without a code is relayed without one.</li>
 *   <li>An end that went away without a close frame (a dropped connection) is mirrored by dropping the other end's
 *       connection: the other end sees what it would have seen without the gateway (1006), never a made-up code.</li>
 *   <li>A message over the frame limit ({@link FrameLimitGuard}) closes its sender with 1009; the other end learns
 *       why at once: the service gets 1009, the client gets 1014 (bad gateway: the service sent something the gateway
 *       refused to pass on).</li>
 * </ul>
 *
 * The relay never fails: Reactor Netty would answer a failed handler with a 1002 close of its own.
 */
final class SocketRelay {

  static final int BAD_GATEWAY = 1014;

  private final SocketHandlers clientHandlers;

  /** @param clientHandlers installed on each client connection; a service connection comes with its own */
  SocketRelay(SocketHandlers clientHandlers) {
    this.clientHandlers = clientHandlers;
  }

  /** Runs until both ends are closed; then the service's connection is closed whatever happened. */
  Mono<Void> run(WebsocketInbound clientIn, WebsocketOutbound clientOut, ServiceConnection service) {
    WebsocketInbound serviceIn = (WebsocketInbound) service.connection();
    WebsocketOutbound serviceOut = (WebsocketOutbound) service.connection();
    Connection client = connection(clientIn);
    clientHandlers.install(client);
    Mono<Void> upstream = direction(clientIn, client.channel(), serviceOut, service.channel(), false);
    Mono<Void> downstream = direction(serviceIn, service.channel(), clientOut, client.channel(), true);
    return Mono.when(upstream, downstream).doFinally(signal -> CloseDecision.drop(service.channel()));
  }

  /** Frames from one end to the other, and the other end's close: over once both are. */
  private static Mono<Void> direction(WebsocketInbound in, Channel from, WebsocketOutbound to, Channel toChannel,
      boolean toClient) {
    CloseDecision decision = new CloseDecision(SocketEnd.of(from), to, toChannel, toClient);
    Mono<Void> frames = FrameRelay.forward(in.receiveFrames(), toChannel)
        .doOnSuccess(ended -> decision.inboundEnded());
    return Mono.when(frames, decision.closed());
  }

  private static Connection connection(WebsocketInbound in) {
    Connection[] connection = new Connection[1];
    in.withConnection(c -> connection[0] = c);
    return connection[0];
  }
}
