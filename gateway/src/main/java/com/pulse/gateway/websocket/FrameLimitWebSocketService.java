package com.pulse.gateway.websocket;

import java.util.List;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

/**
 * Spring Cloud Gateway's WebSocket service, with {@link FrameLimitGuard} placed behind the frame aggregator of every
 * client socket, where it sees a message that is too big in total.
 */
final class FrameLimitWebSocketService implements WebSocketService {

  private final WebSocketService delegate;
  private final int maxFrameBytes;
  private final FrameLimitGuard guard;

  FrameLimitWebSocketService(WebSocketService delegate, int maxFrameBytes) {
    this.delegate = delegate;
    this.maxFrameBytes = maxFrameBytes;
    this.guard = new FrameLimitGuard("client", maxFrameBytes);
  }

  @Override
  public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
    return delegate.handleRequest(exchange, new WebSocketHandler() {
      @Override
      public List<String> getSubProtocols() {
        return handler.getSubProtocols();
      }

      @Override
      public Mono<Void> handle(WebSocketSession session) {
        guard(exchange);
        return handler.handle(session);
      }
    });
  }

  /** Runs once the handshake is done, before the session first reads (which would add the aggregator itself). */
  private void guard(ServerWebExchange exchange) {
    Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
    if (request instanceof Connection connection) {
      ChannelPipeline pipeline = connection.channel().pipeline();
      if (pipeline.get(NettyPipeline.ReactiveBridge) != null && pipeline.get(NettyPipeline.WsFrameAggregator) == null) {
        // the session's own aggregateFrames(limit) then finds this one in place and adds nothing
        pipeline.addBefore(NettyPipeline.ReactiveBridge, NettyPipeline.WsFrameAggregator,
            new WebSocketFrameAggregator(maxFrameBytes));
        pipeline.addBefore(NettyPipeline.ReactiveBridge, FrameLimitGuard.NAME, guard);
      }
    }
  }
}
