package com.pulse.notification.socket;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket endpoints ({@code /ws}; the seed OCS dialect at {@code /ws/ocs}), served by Reactor Netty ahead of
 * WebFlux: the handshake is authenticated ({@link HandshakeAuthentication}) and upgraded here, and each endpoint's
 * {@link WebSocketHandler} gets a {@link ReactorNettyWebSocketSession} as WebFlux would give it.
 *
 * <p>Why not through WebFlux: a socket upgraded there keeps its whole HTTP exchange reachable for as long as it lives
 * (request and headers, the security context, the request observation, every filter's operators) — measured at
 * about 21 KB of heap per idle connection, most of the cost of holding tens of thousands. Here a socket keeps only its
 * Netty channel, its session and its {@link Connection}. The handshake URI handed on carries no token, so it can
 * appear in logs.
 */
@Component
final class SocketEndpoints implements NettyRouteProvider {

  static final String PATH = "/ws";
  static final String OCS_PATH = "/ws/ocs";

  /** Handshake cookies are never read: one shared empty map, not one per connection. */
  private static final MultiValueMap<String, HttpCookie> NO_COOKIES =
      CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

  private final Map<String, WebSocketHandler> handlers;
  private final HandshakeAuthentication authentication;
  private final Connections connections;
  private final WebsocketServerSpec spec;
  private final JsonMapper json;

  SocketEndpoints(NotificationSocketHandler socket, OcsSocketHandler ocs, HandshakeAuthentication authentication,
      Connections connections, SocketProperties settings, JsonMapper json) {
    // the seed's client may add a slash
    this.handlers = Map.of(PATH, socket, OCS_PATH, ocs, OCS_PATH + "/", ocs);
    this.authentication = authentication;
    this.connections = connections;
    this.json = json;
    // client frames above the limit close the connection with 1009; no compression (memory per connection)
    this.spec = WebsocketServerSpec.builder().maxFramePayloadLength((int) settings.maxFrameSize().toBytes()).build();
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(request -> handlers.containsKey(request.fullPath()), this::handshake);
  }

  private Mono<Void> handshake(HttpServerRequest request, HttpServerResponse response) {
    WebSocketHandler handler = handlers.get(request.fullPath());
    if (!connections.accepting()) {
      // the open sockets were told to reconnect (1012); one accepted now would hold the shutdown up until it is cut
      return new HandshakeRefusal(HttpResponseStatus.SERVICE_UNAVAILABLE, null,
          "This instance is shutting down: connect again (another instance will answer).", request.fullPath(),
          Duration.ofSeconds(1)).write(response, json);
    }
    return authentication.authenticate(request)
        .flatMap(caller -> upgrade(request, response, handler, caller))
        .onErrorResume(HandshakeRefusal.Refused.class, refused -> refused.refusal().write(response, json));
  }

  private Mono<Void> upgrade(HttpServerRequest request, HttpServerResponse response, WebSocketHandler handler,
      SocketCaller caller) {
    if (!HttpMethod.GET.equals(request.method())) {
      return Mono.error(new HandshakeRefusal.Refused(new HandshakeRefusal(HttpResponseStatus.METHOD_NOT_ALLOWED,
          null, "A WebSocket handshake is a GET request.", request.fullPath())));
    }
    if (!request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
      return Mono.error(new HandshakeRefusal.Refused(new HandshakeRefusal(HttpResponseStatus.BAD_REQUEST, null,
          "This endpoint is a WebSocket: send a handshake (Upgrade: websocket).", request.fullPath())));
    }
    HandshakeInfo info = new HandshakeInfo(withoutToken(request.uri(), request.fullPath()), HttpHeaders.EMPTY, NO_COOKIES, Mono.just(caller), null,
        request.remoteAddress(), Map.of(), "[" + request.requestId() + "] ");
    return response.sendWebsocket((in, out) -> handler.handle(new ReactorNettyWebSocketSession(in, out, info,
        new NettyDataBufferFactory(response.alloc()), spec.maxFramePayloadLength())), spec);
  }

  /**
   * The handshake's path and query, minus the token: what the handlers read ({@code since}) and logs may show.
   *
   * @param uri the request's URI as sent (query still encoded)
   * @param path its decoded path
   */
  static URI withoutToken(String uri, String path) {
    int query = uri.indexOf('?');
    if (query < 0) {
      return URI.create(path);
    }
    String kept = Arrays.stream(uri.substring(query + 1).split("&"))
        .filter(pair -> !pair.isEmpty() && !pair.startsWith(HandshakeAuthentication.TOKEN_PARAMETER + "="))
        .collect(Collectors.joining("&"));
    return URI.create(kept.isEmpty() ? path : path + "?" + kept);
  }
}
