package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.channel.Arrival;
import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.stream.StreamEvent;
import java.util.List;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves one {@link SocketDialect} over the shared socket lifecycle: each socket gets a {@link DialectSession} whose
 * joins the channel catalog authorizes, and whose frames the dialect reads and writes in its own shapes.
 */
final class DialectSocketHandler implements WebSocketHandler {

  /** The handshake attribute under which {@link SocketEndpoints} leaves the {@link DialectRequest}. */
  static final String REQUEST = DialectSocketHandler.class.getName() + ".request";

  private final SocketDialect dialect;
  private final SocketSessions sessions;
  private final Dispatcher dispatcher;
  private final ChannelCatalog catalog;
  private final JsonMapper json;

  DialectSocketHandler(SocketDialect dialect, SocketSessions sessions, Dispatcher dispatcher, ChannelCatalog catalog,
      JsonMapper json) {
    this.dialect = dialect;
    this.sessions = sessions;
    this.dispatcher = dispatcher;
    this.catalog = catalog;
    this.json = json;
  }

  SocketDialect dialect() {
    return dialect;
  }

  @Override
  public Mono<Void> handle(WebSocketSession socket) {
    DialectRequest request = (DialectRequest) socket.getHandshakeInfo().getAttributes().get(REQUEST);
    Session session = new Session(request);
    return sessions.serve(socket, delivery -> frames(session, delivery), session, (connection, caller) -> {
      session.connection = connection;
      session.token = caller.token();
      dialect.opened(session);
    });
  }

  /** The event's frame and its follow-ups: all but the last queued here, the last handed back to be queued. */
  private byte[] frames(Session session, Delivery delivery) {
    dialect.delivering(session, delivery.event());
    byte[] frame = delivery.frame(dialect.events());
    List<byte[]> more = dialect.followUps(delivery.event());
    if (more.isEmpty()) {
      return frame;
    }
    if (frame != null) {
      session.send(frame);
    }
    for (int i = 0; i < more.size() - 1; i++) {
      session.send(more.get(i));
    }
    return more.getLast();
  }

  /** One socket of the dialect: what the dialect may do with it, and its inbound frames. */
  private final class Session implements DialectSession, Inbound {
    private final DialectRequest request;
    private volatile Connection connection;
    private volatile String token;

    Session(DialectRequest request) {
      this.request = request;
    }

    @Override
    public Caller caller() {
      return connection.caller();
    }

    @Override
    public DialectRequest request() {
      return request;
    }

    @Override
    public String token() {
      return token;
    }

    @Override
    public void send(byte[] frame) {
      connection.send(frame);
    }

    @Override
    public void error(String code, String message) {
      connection.send(dialect.error(code, message));
    }

    @Override
    public boolean maySubscribe(String channel) {
      return catalog.maySubscribe(caller(), channel);
    }

    @Override
    public boolean join(String channel) {
      if (!maySubscribe(channel)) {
        return false;
      }
      connection.joined(List.of(channel));
      dispatcher.join(connection, List.of(channel), null, Arrival.SILENT);
      if (connection.closing()) {
        // closed meanwhile: its cleanup may have run before this join
        dispatcher.leave(connection, channel);
      }
      return true;
    }

    @Override
    public boolean leave(String channel) {
      connection.left(channel);
      return dispatcher.leave(connection, channel);
    }

    @Override
    public List<StreamEvent> recent(String channel, int limit) {
      return maySubscribe(channel) ? dispatcher.history(channel, limit).events() : List.of();
    }

    @Override
    public void text(Connection ignored, String text) {
      JsonNode frame;
      try {
        frame = json.readTree(text);
      } catch (JacksonException e) {
        error(ServerFrames.BAD_FRAME, ClientFrames.notJson(e));
        return;
      }
      if (frame == null || !frame.isObject()) {
        error(ServerFrames.BAD_FRAME, "a frame is a JSON object");
        return;
      }
      dialect.received(this, frame);
    }

    @Override
    public void refused(Connection ignored, String code, String message) {
      error(code, message);
    }
  }
}
