package com.pulse.notification.socket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the {@code /ws} endpoint ({@code pulse.notification.socket.*}).
 *
 * @param heartbeat how often the server pings each connection (WebSocket ping frames); sent to clients in
 *     {@code connected} so they can time their own {@code ping}s
 * @param idleTimeout a connection from which nothing arrived for this long (not even a pong) is closed with 4009
 * @param sendQueue frames a connection may have waiting beyond what the socket accepts; one more and it is closed
 *     with 4008 (slow consumer), so a client that stops reading never stalls others or grows memory
 * @param closeGrace after the server sends a close frame, how long the client has to answer it before the TCP
 *     connection is dropped (a client that stopped reading never even receives the frame)
 * @param maxFrameSize largest client frame accepted; bigger ones close the connection with 1009
 * @param maxConnections open connections this instance accepts; one more is closed at once with 1013
 * @param maxConnectionsPerUser open connections one user may have on this instance; one more is closed with 1013
 * @param retryAfter the retry hint in a 1013 close reason ({@code retry after 5s})
 * @param framesPerSecond client frames a connection may send per second, on average
 * @param frameBurst client frames a connection may send at once; beyond it each frame gets {@code RATE_LIMITED}, and
 *     as many again in excess close the connection with 4029
 */
@ConfigurationProperties("pulse.notification.socket")
public record SocketProperties(@DefaultValue("25s") Duration heartbeat, @DefaultValue("75s") Duration idleTimeout,
    @DefaultValue("2048") int sendQueue, @DefaultValue("5s") Duration closeGrace,
    @DefaultValue("16KB") DataSize maxFrameSize, @DefaultValue("50000") int maxConnections,
    @DefaultValue("20") int maxConnectionsPerUser, @DefaultValue("5s") Duration retryAfter,
    @DefaultValue("20") int framesPerSecond, @DefaultValue("50") int frameBurst) {

  public SocketProperties {
    if (sendQueue < 1) {
      throw new IllegalArgumentException("pulse.notification.socket.send-queue must be at least 1");
    }
    if (maxConnections < 1 || maxConnectionsPerUser < 1 || framesPerSecond < 1 || frameBurst < 1) {
      throw new IllegalArgumentException("pulse.notification.socket limits must be at least 1");
    }
  }
}
