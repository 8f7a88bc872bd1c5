package com.pulse.gateway.websocket;

import io.netty.channel.Channel;
import reactor.netty.Connection;

/**
 * The service end of a proxied socket once connected: Reactor Netty's connection (its inbound and outbound) and the
 * Netty channel it was made on, taken when the connection was made ({@link ProxyUpgradeStrategy}). The channel carries
 * the {@link SocketEnd}; {@code connection.channel()} stops returning it once the connection has ended.
 */
record ServiceConnection(Connection connection, Channel channel) {
}
