package com.pulse.notification.socket;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;

/**
 * The server's TCP channels, so a connection can be dropped outright. A close frame queues behind unsent data: a
 * client that stopped reading would never see it and would keep its socket. Channels leave the group when they close.
 */
@Component
final class SocketChannels implements SocketTeardown {

  private final ChannelGroup channels = new DefaultChannelGroup("pulse-sockets", GlobalEventExecutor.INSTANCE);

  void add(Channel channel) {
    channels.add(channel);
  }

  @Override
  public void drop(WebSocketSession session) {
    if (session instanceof ReactorNettyWebSocketSession netty) {
      Channel channel = channels.find(netty.getChannelId());
      if (channel != null) {
        channel.close();
      }
    }
  }

  /** A close waits for the client's close frame ({@link ClosingHandshake}), installed only now: idle sockets pay none. */
  @Override
  public void beforeClose(WebSocketSession session) {
    if (session instanceof ReactorNettyWebSocketSession netty) {
      Channel channel = channels.find(netty.getChannelId());
      if (channel != null) {
        ClosingHandshake.install(channel.pipeline());
      }
    }
  }
}
