package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.admission.AllowedOrigins;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.problems.ProblemTexts;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
 * The WebSocket endpoints — {@code /ws} and every {@link SocketDialect}'s paths — served by Reactor Netty ahead of
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

  /** Handshake cookies are never read: one shared empty map, not one per connection. */
  private static final MultiValueMap<String, HttpCookie> NO_COOKIES =
      CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

  private final NotificationSocketHandler socket;
  private final List<SocketRoute> routes = new ArrayList<>();
  private final HandshakeAuthentication authentication;
  private final Connections connections;
  private final WebsocketServerSpec spec;
  private final JsonMapper json;
  private final AllowedOrigins origins;

  SocketEndpoints(NotificationSocketHandler socket, List<SocketDialect> dialects, SocketSessions sessions,
      Dispatcher dispatcher, ChannelCatalog catalog, HandshakeAuthentication authentication, Connections connections,
      SocketProperties settings, JsonMapper json, AllowedOrigins origins) {
    this.socket = socket;
    this.origins = origins;
    routes.add(new SocketRoute(PATH, null));
    for (SocketDialect dialect : dialects) {
      DialectSocketHandler handler = new DialectSocketHandler(dialect, sessions, dispatcher, catalog, json);
      dialect.paths().forEach(path -> routes.add(new SocketRoute(path, handler)));
    }
    this.authentication = authentication;
    this.connections = connections;
    this.json = json;
    // client frames above the limit close the connection with 1009; no compression (memory per connection)
    this.spec = WebsocketServerSpec.builder().maxFramePayloadLength((int) settings.maxFrameSize().toBytes()).build();
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes httpRoutes) {
    return httpRoutes.route(request -> route(request.fullPath()) != null, this::handshake);
  }

  /** The route serving the path, or null. */
  private Matched route(String path) {
    for (SocketRoute route : routes) {
      String parameter = route.match(path);
      if (parameter != null) {
        return new Matched(route, parameter.isEmpty() ? null : parameter);
      }
    }
    return null;
  }

  private record Matched(SocketRoute route, String parameter) {}

  private Mono<Void> handshake(HttpServerRequest request, HttpServerResponse response) {
    Matched matched = route(request.fullPath());
    if (!connections.accepting()) {
      // the open sockets were told to reconnect (1012); one accepted now would hold the shutdown up until it is cut
      return new HandshakeRefusal(HttpResponseStatus.SERVICE_UNAVAILABLE, null,
          "This instance is shutting down: connect again (another instance will answer).", request.fullPath(),
          Duration.ofSeconds(1)).write(response, json);
    }
    if (!origins.allows(request.requestHeaders().get(HttpHeaderNames.ORIGIN),
        request.requestHeaders().get(HttpHeaderNames.HOST))) {
      // a page of a foreign site opening a socket with a user's token: refused before the token is read
      return new HandshakeRefusal(HttpResponseStatus.FORBIDDEN, null, ProblemTexts.CROSS_ORIGIN_REFUSED,
          request.fullPath()).write(response, json);
    }
    DialectSocketHandler dialect = matched.route().dialect();
    DialectRequest dialectRequest = new DialectRequest(request.fullPath(), matched.parameter(), query(request.uri()));
    return authentication.authenticate(request)
        .flatMap(caller -> {
          String refusal = dialect == null ? null : dialect.dialect().refusal(caller.caller(), dialectRequest);
          if (refusal != null) {
            return Mono.error(new HandshakeRefusal.Refused(new HandshakeRefusal(HttpResponseStatus.FORBIDDEN, null,
                refusal, request.fullPath())));
          }
          SocketCaller kept = dialect != null && dialect.dialect().keepsToken() ? caller : caller.withoutToken();
          return upgrade(request, response, dialect == null ? socket : dialect, kept, dialectRequest);
        })
        .onErrorResume(HandshakeRefusal.Refused.class, refused -> refused.refusal().write(response, json));
  }

  private Mono<Void> upgrade(HttpServerRequest request, HttpServerResponse response, WebSocketHandler handler,
      SocketCaller caller, DialectRequest dialectRequest) {
    if (!HttpMethod.GET.equals(request.method())) {
      return Mono.error(new HandshakeRefusal.Refused(new HandshakeRefusal(HttpResponseStatus.METHOD_NOT_ALLOWED,
          null, "A WebSocket handshake is a GET request.", request.fullPath())));
    }
    if (!request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
      return Mono.error(new HandshakeRefusal.Refused(new HandshakeRefusal(HttpResponseStatus.BAD_REQUEST, null,
          "This endpoint is a WebSocket: send a handshake (Upgrade: websocket).", request.fullPath())));
    }
    Map<String, Object> attributes = handler == socket ? Map.of()
        : Map.of(DialectSocketHandler.REQUEST, dialectRequest);
    HandshakeInfo info = new HandshakeInfo(withoutToken(request.uri(), request.fullPath()), HttpHeaders.EMPTY,
        NO_COOKIES, Mono.just(caller), null, request.remoteAddress(), attributes, "[" + request.requestId() + "] ");
    return response.sendWebsocket((in, out) -> handler.handle(new ReactorNettyWebSocketSession(in, out, info,
        new NettyDataBufferFactory(response.alloc()), spec.maxFramePayloadLength())), spec);
  }

  /** The query parameters other than the token, decoded. */
  private static Map<String, List<String>> query(String uri) {
    Map<String, List<String>> parameters = new HashMap<>(new QueryStringDecoder(uri).parameters());
    parameters.remove(HandshakeAuthentication.TOKEN_PARAMETER);
    return parameters;
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
