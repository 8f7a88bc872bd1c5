package com.pulse.notification.socket;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.Channels;
import com.pulse.notification.channel.Dispatcher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/ocs}: the seed's OCS socket ({@link OcsDialect}). Same handshake, limits, send queue, heartbeat and close
 * codes as {@code /ws} ({@link SocketSessions}); on open the caller's OCS channels for their roles are joined, the
 * same {@link ChannelAccess} decides which, and each order event arrives once as {@code OCS_CREATED} or
 * {@code OCS_STATUS_CHANGED}. Nothing is sent on open. The only command is {@code ping}; no recovery ({@code /ws} has
 * it).
 */
@Component
final class OcsSocketHandler implements WebSocketHandler {

  private final SocketSessions sessions;
  private final ChannelAccess access;
  private final Dispatcher dispatcher;
  private final ServerFrames serverFrames;
  private final ClientFrames clientFrames;

  OcsSocketHandler(SocketSessions sessions, ChannelAccess access, Dispatcher dispatcher, ServerFrames serverFrames,
      PingCommand ping, JsonMapper json) {
    this.sessions = sessions;
    this.access = access;
    this.dispatcher = dispatcher;
    this.serverFrames = serverFrames;
    this.clientFrames = new ClientFrames(List.of(ping), serverFrames, json);
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    boolean askedToRecover = SocketSessions.queryParameter(session, "since") != null;
    return sessions.serve(session, delivery -> delivery.frame(OcsDialect.FRAMES), clientFrames,
        connection -> open(connection, askedToRecover));
  }

  private void open(Connection connection, boolean askedToRecover) {
    Set<String> channels = access.autoJoin(connection.viewer()).stream()
        .filter(channel -> Channels.namespace(channel).equals("ocs"))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    connection.joined(channels);
    dispatcher.exclusively(() -> {
      channels.forEach(channel -> dispatcher.subscribe(connection, channel, null, subscription -> { }));
      return null;
    });
    if (askedToRecover) {
      connection.send(serverFrames.error(ServerFrames.BAD_REQUEST,
          "/ws/ocs has no recovery: \"since\" was ignored and the connection is live only; use /ws to recover", null));
    }
  }
}
