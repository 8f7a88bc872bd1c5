package com.pulse.gateway.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an oversized WebSocket message visible and closes with 1009 (message too big), never silently. Two ways a
 * message is too big: one frame above the limit (Netty's frame decoder already closed with 1009; logged here), or
 * a message split into frames whose sum is above it (the frame aggregator only raises an error, which would end as
 * a 1002; here it becomes a 1009 close and a log line). Either way it tells the connection's {@link SocketEnd}, so
 * that the other end learns why this one was closed ({@link CloseDecision}). It sits right behind the aggregator
 * ({@link SocketHandlers}), where it sees both errors, and handles nothing but exceptions, so Netty skips it for every read.
 */
@ChannelHandler.Sharable
final class FrameLimitGuard extends ChannelInboundHandlerAdapter {

  static final String NAME = "pulse.frameLimitGuard";

  private static final Logger log = LoggerFactory.getLogger(FrameLimitGuard.class);

  private final String side;
  private final int maxFrameBytes;

  /** @param side who sent the message: {@code client} (browser side) or {@code service} (downstream side) */
  FrameLimitGuard(String side, int maxFrameBytes) {
    this.side = side;
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException frame
        && frame.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
      log.warn("WebSocket frame from {} {} exceeds {} bytes ({}): closing with 1009", side,
          ctx.channel().remoteAddress(), maxFrameBytes, frame.getMessage());
      SocketEnd.of(ctx.channel()).messageTooBig();
      return; // the decoder has sent the close frame and closed the connection
    }
    if (cause instanceof TooLongFrameException tooLong) {
      log.warn("WebSocket message from {} {} exceeds {} bytes ({}): closing with 1009", side,
          ctx.channel().remoteAddress(), maxFrameBytes, tooLong.getMessage());
      SocketEnd.of(ctx.channel()).messageTooBig();
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.fireExceptionCaught(cause);
  }
}
