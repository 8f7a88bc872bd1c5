package com.pulse.gateway;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Real servers behind the gateway, on random ports, started once per test JVM.
 *
 * <ul>
 *   <li>ocs: answers any HTTP request with what it received: method, URI and {@code Authorization} header as
 *       {@code X-Seen-*} response headers, the request body as the response body.</li>
 *   <li>notification: a WebSocket server on {@code /ws} that greets with {@code welcome <request URI>
 *       auth=<Authorization header>} and then echoes every text message as {@code echo:<text>}.</li>
 * </ul>
 */
public final class Downstreams {

  private static final DisposableServer OCS = HttpServer.create().host("127.0.0.1").port(0)
      .handle((request, response) -> response
          .header("X-Seen-Method", request.method().name())
          .header("X-Seen-Uri", request.uri())
          .header("X-Seen-Authorization", String.valueOf(request.requestHeaders().get("Authorization")))
          .header("Content-Type", "application/json")
          .send(request.receive().retain()))
      .bindNow();

  private static final DisposableServer NOTIFICATION = HttpServer.create().host("127.0.0.1").port(0)
      .route(routes -> routes.get("/ws", (request, response) -> {
        String greeting = "welcome " + request.uri() + " auth=" + request.requestHeaders().get("Authorization");
        return response.sendWebsocket((in, out) -> out.sendString(Flux.concat(
            Mono.just(greeting),
            in.receive().asString().map(text -> "echo:" + text))));
      }))
      .bindNow();

  private Downstreams() {
  }

  public static String ocsUrl() {
    return "http://127.0.0.1:" + OCS.port();
  }

  public static String notificationUrl() {
    return "http://127.0.0.1:" + NOTIFICATION.port();
  }
}
