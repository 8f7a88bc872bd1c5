package com.pulse.gateway.websocket;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * Upgrades a client's socket only once the service accepted its own. The service is connected first, with the
 * gateway's HTTP client (its connect timeout, pool and TLS settings), so a service that is down or refuses the
 * handshake gets the client a plain HTTP answer (503, or the service's own status) instead of a socket that opens and
 * dies. The client then gets the sub-protocol the service chose, and {@link SocketRelay} joins the two sockets at the
 * Netty level.
 */
final class ProxyUpgradeStrategy implements RequestUpgradeStrategy {

  static final String REFUSED = "The service refused the WebSocket handshake with status %d.";
  static final String INVALID = "The service answered the WebSocket handshake with something other than a WebSocket.";

  private final HttpClient httpClient;
  private final SocketRelay relay;
  private final int maxFrameBytes;
  private final boolean proxyPing;

  /**
   * @param httpClient the gateway's; sockets get a copy that installs {@code serviceHandlers} on every new connection
   *     (which also gives them a connection pool of their own: an upgrade never reuses a kept-alive HTTP connection)
   */
  ProxyUpgradeStrategy(HttpClient httpClient, SocketHandlers serviceHandlers, SocketRelay relay, int maxFrameBytes,
      boolean proxyPing) {
    this.httpClient = httpClient.doOnChannelInit((observer, channel, address) -> serviceHandlers.install(
        channel.pipeline()));
    this.relay = relay;
    this.maxFrameBytes = maxFrameBytes;
    this.proxyPing = proxyPing;
  }

  /** Spring's choice of sub-protocol and its handshake info go unused: the service chooses, no session is made. */
  @Override
  public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, String subProtocol,
      Supplier<HandshakeInfo> handshakeInfoFactory) {
    ServiceSocket service = (ServiceSocket) handler;
    return connect(service)
        .onErrorMap(WebSocketClientHandshakeException.class, refused -> refused(exchange, refused))
        // the channel now, while the connection has it: once the connection ended (a service that closes at once),
        // Reactor Netty hands out a placeholder instead, without the handlers' news of how it ended
        .map(connection -> new ServiceConnection(connection, connection.channel()))
        .flatMap(connection -> upgradeClient(exchange, connection)
            // the client's handshake failed or the client left meanwhile: the service's socket has no one to serve
            .doOnError(error -> connection.connection().dispose())
            .doOnCancel(connection.connection()::dispose));
  }

  private Mono<? extends Connection> connect(ServiceSocket service) {
    WebsocketClientSpec.Builder spec = WebsocketClientSpec.builder()
        .maxFramePayloadLength(maxFrameBytes)
        .handlePing(proxyPing);
    if (!service.protocols().isEmpty()) {
      spec.protocols(String.join(",", service.protocols()));
    }
    return httpClient
        .headers(headers -> service.headers().forEach(headers::set))
        .websocket(spec.build())
        .uri(service.uri())
        .connect();
  }

  private Mono<Void> upgradeClient(ServerWebExchange exchange, ServiceConnection service) {
    ServerHttpResponse response = exchange.getResponse();
    HttpServerResponse nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
    WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder()
        .maxFramePayloadLength(maxFrameBytes)
        .handlePing(proxyPing);
    String protocol = ((WebsocketInbound) service.connection()).selectedSubprotocol();
    if (protocol != null) {
      spec.protocols(protocol); // the one the service chose, not the one Spring would pick from the client's list
    }
    response.setStatusCode(HttpStatus.SWITCHING_PROTOCOLS);
    // as Spring's own upgrade strategy: commit first, so the response headers of the web filters go out with the 101
    return response.setComplete().then(Mono.defer(() -> nativeResponse.sendWebsocket(
        (in, out) -> relay.run(in, out, service), spec.build())));
  }

  /** The service's refusal as an HTTP answer to the client, with its status and any {@code Retry-After}. */
  private static ResponseStatusException refused(ServerWebExchange exchange, WebSocketClientHandshakeException e) {
    HttpResponse answer = e.response();
    if (answer == null || answer.status().code() < 400) {
      // no answer, or a 101 that is not a valid WebSocket handshake
      return new ResponseStatusException(HttpStatus.BAD_GATEWAY, INVALID);
    }
    String retryAfter = answer.headers().get(HttpHeaders.RETRY_AFTER);
    if (retryAfter != null) {
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    int status = answer.status().code();
    return new ResponseStatusException(HttpStatusCode.valueOf(status), REFUSED.formatted(status));
  }
}
