package com.pulse.notification.socket;

import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.Viewer;
import io.netty.handler.codec.TooLongFrameException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * What every socket endpoint shares, whatever it speaks: the caller from the handshake (the security filter checked
 * the token), the connection limits (over one: close 1013 with a retry hint), a {@link Connection} with its bounded
 * send queue and token expiry, client frames read and queued frames written until either side closes, and leaving
 * every channel at the end. The endpoint says how events are framed, what happens on open and which commands exist.
 */
@Component
final class SocketSessions {

  private static final Logger log = LoggerFactory.getLogger(SocketSessions.class);

  private final Connections connections;
  private final Dispatcher dispatcher;
  private final SocketProperties settings;

  SocketSessions(Connections connections, Dispatcher dispatcher, SocketProperties settings) {
    this.connections = connections;
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  /**
   * Serves one socket.
   *
   * @param eventFrames the frame a connection sends for an event, or null to send nothing for it
   * @param opened joins the connection's channels (and greets it); runs before any client frame is read
   */
  Mono<Void> serve(WebSocketSession session, Function<Delivery, byte[]> eventFrames, ClientFrames clientFrames,
      Consumer<Connection> opened) {
    return session.getHandshakeInfo().getPrincipal()
        .ofType(SocketCaller.class)
        .switchIfEmpty(Mono.defer(() -> session.close(CloseCodes.NOT_AUTHENTICATED).then(Mono.empty())))
        .flatMap(caller -> admitted(session, caller, eventFrames, clientFrames, opened));
  }

  private Mono<Void> admitted(WebSocketSession session, SocketCaller caller, Function<Delivery, byte[]> eventFrames,
      ClientFrames clientFrames, Consumer<Connection> opened) {
    Viewer viewer = caller.viewer();
    String limit = connections.admit(viewer.id());
    if (limit != null) {
      return session.close(CloseCodes.tryAgainLater(limit, settings.retryAfter()));
    }
    return Mono.defer(() -> {
      Connection connection = connections.open(session, viewer, eventFrames);
      connection.expiresAt(caller.expiresAt());
      opened.accept(connection);
      return exchange(session, connection, clientFrames);
    }).doFinally(signal -> connections.release(viewer.id()));
  }

  private Mono<Void> exchange(WebSocketSession session, Connection connection, ClientFrames clientFrames) {
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

  /** A handshake query parameter, decoded; null when absent. */
  static String queryParameter(WebSocketSession session, String name) {
    String raw = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build().getQueryParams()
        .getFirst(name);
    return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
