package com.pulse.notification.socket;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.Viewer;
import com.pulse.notification.stream.StreamPosition;
import io.netty.handler.codec.TooLongFrameException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /ws}: the token was checked by the security filter during the handshake, so a session always has a caller.
 * On open: the connection limits (over one: close 1013 with a retry hint); then {@code connected} and the role's
 * channels are joined in one step (no event can overtake {@code connected} or slip in between), recovering from the
 * handshake's {@code since} when it has one; then client frames are read and queued frames written until either side
 * closes.
 */
@Component
final class NotificationSocketHandler implements WebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(NotificationSocketHandler.class);

  private final Connections connections;
  private final ChannelAccess access;
  private final Dispatcher dispatcher;
  private final ClientFrames clientFrames;
  private final ServerFrames serverFrames;
  private final SocketProperties settings;

  NotificationSocketHandler(Connections connections, ChannelAccess access, Dispatcher dispatcher,
      ClientFrames clientFrames, ServerFrames serverFrames, SocketProperties settings) {
    this.connections = connections;
    this.access = access;
    this.dispatcher = dispatcher;
    this.clientFrames = clientFrames;
    this.serverFrames = serverFrames;
    this.settings = settings;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return session.getHandshakeInfo().getPrincipal()
        .ofType(JwtAuthenticationToken.class)
        .map(JwtAuthenticationToken::getToken)
        .switchIfEmpty(Mono.defer(() -> session.close(CloseCodes.NOT_AUTHENTICATED).then(Mono.empty())))
        .flatMap(jwt -> admitted(session, jwt));
  }

  private Mono<Void> admitted(WebSocketSession session, Jwt jwt) {
    Viewer viewer = Viewer.from(jwt);
    String limit = connections.admit(viewer.id());
    if (limit != null) {
      return session.close(CloseCodes.tryAgainLater(limit, settings.retryAfter()));
    }
    return Mono.defer(() -> serve(session, viewer, jwt)).doFinally(signal -> connections.release(viewer.id()));
  }

  private Mono<Void> serve(WebSocketSession session, Viewer viewer, Jwt jwt) {
    Connection connection = connections.open(session, viewer);
    connection.expiresAt(jwt.getExpiresAt());
    String sinceText = queryParameter(session, "since");
    StreamPosition since = null;
    boolean badSince = false;
    try {
      since = sinceText == null ? null : StreamPosition.parse(sinceText);
    } catch (IllegalArgumentException e) {
      badSince = true;
    }
    Set<String> channels = access.autoJoin(viewer);
    connection.joined(channels);
    StreamPosition recoverFrom = since;
    dispatcher.exclusively(() -> {
      connection.send(serverFrames.connected(connection, channels, settings.heartbeat(), dispatcher.position()));
      for (String channel : channels) {
        dispatcher.subscribe(connection, channel, recoverFrom, subscription -> {
          if (recoverFrom != null) {
            connection.send(serverFrames.subscribed(subscription, null));
          }
        });
      }
      return null;
    });
    if (badSince) {
      connection.send(serverFrames.error(ServerFrames.BAD_REQUEST,
          "the handshake's \"since\" is not a position given by this service; joined live only", null));
    }

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
          connection.channels().forEach(channel -> dispatcher.unsubscribe(connection, channel));
          connections.closed(connection);
        });
  }

  private static String queryParameter(WebSocketSession session, String name) {
    String raw = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build().getQueryParams()
        .getFirst(name);
    return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
