package com.pulse.gateway.websocket;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * The service end of one proxied socket: its address, the handshake headers to send (token, request id,
 * {@code traceparent}, ...) and the sub-protocols the client offered. A {@link WebSocketHandler} only so that Spring's
 * {@code HandshakeWebSocketService} validates the client's handshake before {@link ProxyUpgradeStrategy} takes over;
 * it never handles a Spring session.
 */
record ServiceSocket(URI uri, HttpHeaders headers, List<String> protocols) implements WebSocketHandler {

  @Override
  public List<String> getSubProtocols() {
    return protocols;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    return Mono.error(new IllegalStateException("a proxied socket is relayed by SocketRelay, not by a session"));
  }
}
