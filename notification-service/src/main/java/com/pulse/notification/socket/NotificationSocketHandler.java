package com.pulse.notification.socket;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.stream.StreamPosition;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /ws}, protocol v1 ({@link SocketSessions} does what every endpoint shares). On open, {@code connected} and
 * the role's channels are joined in one step (no event can overtake {@code connected} or slip in between),
 * recovering from the handshake's {@code since} when it has one; then every command of {@link ClientFrames} is served.
 */
@Component
final class NotificationSocketHandler implements WebSocketHandler {

  private final SocketSessions sessions;
  private final ChannelAccess access;
  private final Dispatcher dispatcher;
  private final ClientFrames clientFrames;
  private final ServerFrames serverFrames;
  private final SocketProperties settings;

  NotificationSocketHandler(SocketSessions sessions, ChannelAccess access, Dispatcher dispatcher,
      ClientFrames clientFrames, ServerFrames serverFrames, SocketProperties settings) {
    this.sessions = sessions;
    this.access = access;
    this.dispatcher = dispatcher;
    this.clientFrames = clientFrames;
    this.serverFrames = serverFrames;
    this.settings = settings;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return sessions.serve(session, Delivery::frame, clientFrames,
        connection -> open(connection, SocketSessions.queryParameter(session, "since")));
  }

  private void open(Connection connection, String sinceText) {
    StreamPosition since = null;
    boolean badSince = false;
    try {
      since = sinceText == null ? null : StreamPosition.parse(sinceText);
    } catch (IllegalArgumentException e) {
      badSince = true;
    }
    Set<String> channels = access.autoJoin(connection.viewer());
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
  }
}
