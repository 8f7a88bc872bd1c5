package com.pulse.bench.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stand-in for ocs-service on loopback, cheap enough that the measured cost is the gateway's, not the service's:
 * {@code POST /api/ocs/orders} answers 201 with the request body, {@code GET /api/ocs/orders} 200 with a small JSON.
 * Reactor Netty on its event loops; no per-request thread, no logging.
 */
final class EchoService implements AutoCloseable {

  private static final String ORDERS = "/api/ocs/orders";
  private static final String LISTING = "{\"orders\":[],\"page\":0,\"size\":20}";

  private final DisposableServer server;

  private EchoService(DisposableServer server) {
    this.server = server;
  }

  static EchoService start(int port) {
    DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
        .route(routes -> routes
            // a Mono body is written as one full response with its Content-Length
            .post(ORDERS, (request, response) -> response.status(HttpResponseStatus.CREATED)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .send(request.receive().aggregate().retain()))
            .get(ORDERS, (request, response) -> response
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendString(Mono.just(LISTING))))
        .bindNow();
    return new EchoService(server);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
