package com.pulse.gateway.websocket;

import com.pulse.gateway.websocket.SocketEnd.ReceivedClose;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.PromiseNotifier;
import java.util.concurrent.TimeUnit;

/**
 * Ends a WebSocket connection as RFC 6455 (7.1.1) asks: after sending its close frame, an end closes the TCP
 * connection only once the peer's close frame came back. Reactor Netty closes as soon as its own close frame is
 * written; a peer still sending then runs into a closed socket, gets a TCP reset, and the reset can destroy the close
 * frame before the peer read it: a client flooding the service read "connection reset" instead of 4029. Here such a
 * close waits for the peer's close frame (what arrives before it is read and dropped by Reactor Netty, which stops
 * delivering once it sent a close) or for {@value #LINGER_SECONDS} s at most, as notification-service waits for a
 * client. It also notes the close frame the peer sent, code and reason, for the relay ({@link SocketEnd}). One
 * instance per connection.
 */
final class ClosingHandshake extends ChannelDuplexHandler {

  static final String NAME = "pulse.closingHandshake";
  static final int LINGER_SECONDS = 5;

  private boolean closeSent;
  private boolean closeReceived;
  private ChannelPromise pendingClose;
  private Future<?> lingerLimit;

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof CloseWebSocketFrame) {
      closeSent = true;
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    boolean close = msg instanceof CloseWebSocketFrame;
    if (close) {
      closeReceived = true;
      CloseWebSocketFrame frame = (CloseWebSocketFrame) msg;
      // read before Reactor Netty releases it; relayed as it came by the other end's CloseDecision
      SocketEnd.of(ctx.channel()).closeFrameReceived(new ReceivedClose(frame.statusCode(), frame.reasonText()));
    }
    ctx.fireChannelRead(msg);
    if (close) {
      closeNow(ctx);
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (pendingClose != null) {
      PromiseNotifier.cascade(pendingClose, promise);
      return;
    }
    if (!closeSent || closeReceived || !ctx.channel().isActive()) {
      ctx.close(promise);
      return;
    }
    pendingClose = promise;
    ctx.channel().config().setAutoRead(true); // the peer's close frame must be read even if the reader paused
    ctx.read();
    lingerLimit = ctx.executor().schedule(() -> closeNow(ctx), LINGER_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closeNow(ctx); // the peer closed first: nothing to wait for
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    ChannelPromise promise = pendingClose;
    if (promise != null) {
      pendingClose = null;
      lingerLimit.cancel(false);
      ctx.channel().close(promise); // no longer in the pipeline: close through it, or the close would be lost
    }
  }

  private void closeNow(ChannelHandlerContext ctx) {
    ChannelPromise promise = pendingClose;
    if (promise != null) {
      pendingClose = null;
      // a pending timer would hold the whole connection in memory for its 5 s
      lingerLimit.cancel(false);
      ctx.close(promise);
    }
  }
}
