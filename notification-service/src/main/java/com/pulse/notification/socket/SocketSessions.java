package com.pulse.notification.socket;

import com.pulse.identity.Caller;
import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Dispatcher;
import io.netty.handler.codec.TooLongFrameException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * What every socket endpoint shares, whatever it speaks: the caller from the handshake, the connection limits (over
 * one: close 1013 with a retry hint), a {@link Connection} with its bounded send queue and token expiry, liveness and
 * the inbound rate limit (over it: refused, then 4029), client frames read and queued frames written until either
 * side closes, and leaving every channel at the end. The endpoint says how events are framed, what happens on open
 * and what client frames mean ({@link Inbound}).
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
   * @param opened greets the connection and joins its channels, told who opened it (with the token when the endpoint
   *     keeps it); runs before any client frame is read
   */
  Mono<Void> serve(WebSocketSession session, Function<Delivery, byte[]> eventFrames, Inbound inbound,
      BiConsumer<Connection, SocketCaller> opened) {
    return session.getHandshakeInfo().getPrincipal()
        .ofType(SocketCaller.class)
        .switchIfEmpty(Mono.defer(() -> session.close(CloseCodes.NOT_AUTHENTICATED).then(Mono.empty())))
        .flatMap(socketCaller -> admitted(session, socketCaller, eventFrames, inbound, opened));
  }

  private Mono<Void> admitted(WebSocketSession session, SocketCaller socketCaller,
      Function<Delivery, byte[]> eventFrames, Inbound inbound, BiConsumer<Connection, SocketCaller> opened) {
    Caller caller = socketCaller.caller();
    String limit = connections.admit(caller.id());
    if (limit != null) {
      return session.close(CloseCodes.tryAgainLater(limit, settings.retryAfter()));
    }
    return Mono.defer(() -> {
      Connection connection = connections.open(session, caller, eventFrames);
      connection.expiresAt(socketCaller.expiresAt());
      connection.usedTokens(socketCaller.tokenIds());
      opened.accept(connection, socketCaller);
      return exchange(session, connection, inbound);
    }).doFinally(signal -> connections.release(caller.id()));
  }

  private Mono<Void> exchange(WebSocketSession session, Connection connection, Inbound inbound) {
    Mono<Void> received = session.receive().doOnNext(message -> receive(connection, message, inbound)).then()
        // a message above the limit (possibly sent in fragments) ends the connection with 1009, as RFC 6455 says
        .onErrorResume(TooLongFrameException.class, tooBig -> {
          connection.close(CloseCodes.TOO_BIG, "frame_too_big");
          return Mono.never();
        });
    Mono<Void> sent = session.send(connection.messages());
    // whichever side ends first ends the connection: a client close completes inbound, a dead socket fails outbound
    return Mono.firstWithSignal(received, sent)
        .onErrorResume(error -> {
          log.debug("{} ended: {}", connection, error.toString());
          return Mono.empty();
        })
        .doFinally(signal -> {
          connection.channels().forEach(channel -> dispatcher.leave(connection, channel));
          connections.closed(connection);
        });
  }

  private static void receive(Connection connection, WebSocketMessage message, Inbound inbound) {
    connection.touch();
    if (message.getType() == WebSocketMessage.Type.PING || message.getType() == WebSocketMessage.Type.PONG) {
      return; // liveness only: touch() above is all they are for
    }
    RateLimit limit = connection.rateLimit();
    RateLimit.Verdict verdict = limit == null ? RateLimit.Verdict.ALLOWED : limit.take();
    if (verdict == RateLimit.Verdict.FLOOD) {
      connection.close(CloseCodes.FLOOD, "flood");
    } else if (verdict == RateLimit.Verdict.REFUSED) {
      inbound.refused(connection, ServerFrames.RATE_LIMITED,
          "too many frames: slow down (this frame and those until you do are ignored)");
    } else if (verdict == RateLimit.Verdict.IGNORED) {
      return; // told once already
    } else if (message.getType() == WebSocketMessage.Type.BINARY) {
      inbound.refused(connection, ServerFrames.BAD_FRAME, "frames are JSON text, not binary");
    } else {
      inbound.text(connection, message.getPayloadAsText());
    }
  }

  /** A handshake query parameter, decoded; null when absent. */
  static String queryParameter(WebSocketSession session, String name) {
    String raw = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build().getQueryParams()
        .getFirst(name);
    return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
