package com.pulse.gateway.websocket;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;

/**
 * What the relay must know of one connection of a proxied socket, told by its handlers as it happens: a message over
 * the frame limit ({@link FrameLimitGuard}), the close frame the peer sent ({@link ClosingHandshake}), the connection
 * closed. Kept on the channel from the moment its handlers are installed, so that nothing is missed when it happens
 * before {@link SocketRelay} listens (a service can send, and close, together with its handshake response).
 */
final class SocketEnd {

  private static final AttributeKey<SocketEnd> KEY = AttributeKey.valueOf("pulse.socketEnd");

  private final EventLoop loop;
  private volatile boolean tooBig;
  private volatile ReceivedClose received;
  private volatile boolean closed;
  private volatile CloseDecision listener;

  private SocketEnd(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * Attaches the end to a channel that is registered (its handlers are being installed). The close is told one task
   * after the close itself, on the same event loop: Netty's frame decoder closes the connection first and raises its
   * error after, in the same task, so by then {@link FrameLimitGuard} has told why. (The event loop is taken now:
   * a closed channel is deregistered and has none.)
   */
  static SocketEnd attach(Channel channel) {
    EventLoop loop = channel.eventLoop();
    SocketEnd end = new SocketEnd(loop);
    SocketEnd existing = channel.attr(KEY).setIfAbsent(end);
    if (existing != null) {
      return existing;
    }
    channel.closeFuture().addListener(future -> loop.execute(end::connectionClosed));
    return end;
  }

  /**
   * The end attached to the channel; for a channel without one (Reactor Netty's placeholder for a connection that
   * ended before it was taken) an end that is closed, and nothing else known, not even its event loop.
   */
  static SocketEnd of(Channel channel) {
    SocketEnd end = channel.attr(KEY).get();
    if (end == null) {
      end = new SocketEnd(null);
      end.closed = true;
    }
    return end;
  }

  void messageTooBig() {
    tooBig = true;
    tell();
  }

  void closeFrameReceived(ReceivedClose close) {
    received = close; // relayed only once every frame before it was: when the inbound ends
  }

  private void connectionClosed() {
    closed = true;
    tell();
  }

  /** From now on {@code decision} hears of every change, and it is told at once of what happened so far. */
  void listen(CloseDecision decision) {
    listener = decision;
    decision.evaluate();
  }

  private void tell() {
    CloseDecision decision = listener;
    if (decision != null) {
      decision.evaluate();
    }
  }

  /** The connection's event loop, where it is closed and deregistered; {@code null} for a connection long gone. */
  EventLoop loop() {
    return loop;
  }

  boolean tooBig() {
    return tooBig;
  }

  ReceivedClose received() {
    return received;
  }

  boolean closed() {
    return closed;
  }

  /** A close frame as it came: {@code code} -1 when it had none. */
  record ReceivedClose(int code, String reason) {
  }
}
