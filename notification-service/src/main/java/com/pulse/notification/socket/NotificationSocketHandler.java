package com.pulse.notification.socket;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.ChannelRegistry;
import com.pulse.notification.channel.Viewer;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /ws}: the token was checked by the security filter during the handshake, so a session always has a caller.
 * On open: {@code connected} first, then the role's channels are joined (so no event can overtake
 * {@code connected}); then client frames are read and queued frames written until either side closes.
 */
@Component
final class NotificationSocketHandler implements WebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(NotificationSocketHandler.class);

  private final Connections connections;
  private final ChannelAccess access;
  private final ChannelRegistry registry;
  private final ClientFrames clientFrames;
  private final ServerFrames serverFrames;
  private final SocketProperties settings;

  NotificationSocketHandler(Connections connections, ChannelAccess access, ChannelRegistry registry,
      ClientFrames clientFrames, ServerFrames serverFrames, SocketProperties settings) {
    this.connections = connections;
    this.access = access;
    this.registry = registry;
    this.clientFrames = clientFrames;
    this.serverFrames = serverFrames;
    this.settings = settings;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return session.getHandshakeInfo().getPrincipal()
        .ofType(JwtAuthenticationToken.class)
        .map(token -> Viewer.from(token.getToken()))
        .switchIfEmpty(Mono.defer(() -> session.close(CloseCodes.NOT_AUTHENTICATED).then(Mono.empty())))
        .flatMap(viewer -> serve(session, viewer));
  }

  private Mono<Void> serve(WebSocketSession session, Viewer viewer) {
    Connection connection = connections.open(session, viewer);
    Set<String> channels = access.autoJoin(viewer);
    connection.send(serverFrames.connected(connection, channels, settings.heartbeat()));
    connection.joined(channels);
    registry.join(connection, channels);

    Mono<Void> inbound = session.receive().doOnNext(message -> clientFrames.handle(connection, message)).then()
        // a message above the limit (possibly sent in fragments) ends the connection with 1009, as RFC 6455 says
        .onErrorResume(TooLongFrameException.class, tooBig -> {
          connection.close(CloseCodes.TOO_BIG, "frame_too_big");
          return Mono.never();
        });
    Mono<Void> outbound = session.send(connection.messages());
    // whichever side ends first ends the connection: a client close completes inbound, a dead socket fails outbound
    return Mono.firstWithSignal(inbound, outbound)
        .onErrorResume(error -> {
          log.debug("{} ended: {}", connection, error.toString());
          return Mono.empty();
        })
        .doFinally(signal -> {
          registry.leave(connection, connection.channels());
          connections.closed(connection);
        });
  }
}
