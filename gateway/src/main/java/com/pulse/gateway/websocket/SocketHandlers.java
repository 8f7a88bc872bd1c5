package com.pulse.gateway.websocket;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * The Netty handlers of each connection of a proxied socket, in front of Reactor Netty's bridge and in this order: a
 * frame aggregator (whole messages, so that the frame limit applies to a message however it is split), a
 * {@link ClosingHandshake}, and the {@link FrameLimitGuard} (behind the aggregator, whose error it turns into 1009;
 * behind the closing handshake, which must see the guard's close frame go out). Each connection also gets its
 * {@link SocketEnd}, where these handlers tell the relay what happened.
 */
final class SocketHandlers {

  static final String AGGREGATOR = "pulse.frameAggregator";

  private final FrameLimitGuard guard;
  private final int maxFrameBytes;

  SocketHandlers(FrameLimitGuard guard, int maxFrameBytes) {
    this.guard = guard;
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Client side: once the socket is upgraded, before its first frame is read. */
  void install(Connection connection) {
    SocketEnd.attach(connection.channel());
    connection.addHandlerLast(AGGREGATOR, new WebSocketFrameAggregator(maxFrameBytes));
    connection.addHandlerLast(ClosingHandshake.NAME, new ClosingHandshake());
    connection.addHandlerLast(FrameLimitGuard.NAME, guard);
  }

  /**
   * Service side: when the connection is made, so that frames arriving together with the handshake response are
   * checked too (the aggregator lets the HTTP response pass). Explicitly in front of the bridge, which is in place
   * already and would swallow the errors; and not under Reactor Netty's name for an aggregator: a
   * {@code reactor.left.} handler would move the handshake's own HTTP aggregator behind it.
   */
  void install(ChannelPipeline pipeline) {
    SocketEnd.attach(pipeline.channel());
    pipeline.addBefore(NettyPipeline.ReactiveBridge, AGGREGATOR, new WebSocketFrameAggregator(maxFrameBytes));
    pipeline.addBefore(NettyPipeline.ReactiveBridge, ClosingHandshake.NAME, new ClosingHandshake());
    pipeline.addBefore(NettyPipeline.ReactiveBridge, FrameLimitGuard.NAME, guard);
  }
}
