package com.pulse.bench.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stand-in for notification-service's {@code /ws}: sends one small text frame when a socket opens, then holds it
 * until the other side closes. Counts the sockets it saw open and end, and the close codes it received, so a
 * benchmark can tell that every client's close travelled through the gateway.
 */
final class HoldingSocketService implements AutoCloseable {

  static final String HELLO = "{\"type\":\"connected\"}";

  private final LongAdder opened = new LongAdder();
  private final LongAdder ended = new LongAdder();
  private final Map<Integer, LongAdder> closeCodes = new ConcurrentHashMap<>();
  private DisposableServer server;

  private HoldingSocketService() {}

  static HoldingSocketService start(int port) {
    HoldingSocketService service = new HoldingSocketService();
    service.server = HttpServer.create().host("127.0.0.1").port(port)
        .route(routes -> routes.ws("/ws", (in, out) -> {
          service.opened.increment();
          // the status of the close frame received; 1006 when the connection dropped without one
          in.receiveCloseStatus().subscribe(status ->
              service.closeCodes.computeIfAbsent(status.code(), code -> new LongAdder()).increment());
          return Mono.from(out.sendString(Mono.just(HELLO)).then(in.receiveFrames().then()))
              .doFinally(signal -> service.ended.increment());
        }))
        .bindNow();
    return service;
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  long opened() {
    return opened.sum();
  }

  long ended() {
    return ended.sum();
  }

  /** Close code → how many. */
  Map<Integer, Long> closeCodes() {
    Map<Integer, Long> codes = new TreeMap<>();
    closeCodes.forEach((code, count) -> codes.put(code, count.sum()));
    return codes;
  }

  @Override
  public void close() {
    server.disposeNow();
  }
}
