package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.Arrival;
import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.PositionRefused;
import com.pulse.notification.stream.StreamPosition;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /ws}, protocol v1 ({@link SocketSessions} does what every endpoint shares). On open, one
 * {@link Dispatcher#join}: {@code connected} first, then the channels the catalog joins for the caller's roles,
 * recovering from the handshake's {@code since} when it has one (each answered {@code subscribed}), so no event can
 * overtake {@code connected} or slip in between; then every command of {@link ClientFrames} is served.
 */
@Component
final class NotificationSocketHandler implements WebSocketHandler {

  private final SocketSessions sessions;
  private final ChannelCatalog catalog;
  private final Dispatcher dispatcher;
  private final ClientFrames clientFrames;
  private final ServerFrames serverFrames;
  private final SocketProperties settings;

  NotificationSocketHandler(SocketSessions sessions, ChannelCatalog catalog, Dispatcher dispatcher,
      ClientFrames clientFrames, ServerFrames serverFrames, SocketProperties settings) {
    this.sessions = sessions;
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.clientFrames = clientFrames;
    this.serverFrames = serverFrames;
    this.settings = settings;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    String since = SocketSessions.queryParameter(session, "since");
    return sessions.serve(session, Delivery::frame, clientFrames, (connection, caller) -> open(connection, since));
  }

  private void open(Connection connection, String sinceText) {
    StreamPosition since = null;
    String badSince = null;
    try {
      since = sinceText == null ? null : StreamPosition.parse(sinceText);
    } catch (IllegalArgumentException e) {
      badSince = "the handshake's \"since\" is not a position given by this service; joined live only";
    }
    Set<String> channels = catalog.autoJoin(connection.caller());
    connection.joined(channels);
    try {
      join(connection, channels, since);
    } catch (PositionRefused refused) {
      badSince = refused.getMessage() + "; joined live only";
      join(connection, channels, null);
    }
    if (badSince != null) {
      connection.send(serverFrames.error(ServerFrames.BAD_REQUEST, badSince, null));
    }
  }

  private void join(Connection connection, Set<String> channels, StreamPosition since) {
    boolean recovering = since != null;
    dispatcher.join(connection, channels, since, new Arrival() {
      @Override
      public void greet(StreamPosition now) {
        connection.send(serverFrames.connected(connection, channels, settings.heartbeat(), now));
      }

      @Override
      public void joined(Dispatcher.Subscription subscription) {
        if (recovering) {
          connection.send(serverFrames.subscribed(subscription, null));
        }
      }
    });
  }
}
