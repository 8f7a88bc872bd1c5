package com.pulse.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Real servers behind the gateway, on random ports, started once per test JVM.
 *
 * <ul>
 *   <li>ocs, two instances ({@code a} and {@code b}): answer any HTTP request with what they received: method, URI,
 *       {@code Authorization}, {@code X-Request-Id} and {@code traceparent} as {@code X-Seen-*} response headers,
 *       their own name as {@code X-Seen-Instance}, the request body as the response body.</li>
 *   <li>notification, two instances ({@code a} and {@code b}): a WebSocket server on {@code /ws} and {@code /ws/**}
 *       that greets with {@code welcome <request URI> auth=<Authorization header>}, echoes every text message as
 *       {@code echo:<text>}, closes with 4000 when it receives {@code close}, and records every close status it
 *       receives ({@link #notificationCloses()}).</li>
 *   <li>notification also plays scripted sockets on {@code /ws/script/**} ({@link SocketScripts}).</li>
 *   <li>notification also serves {@code /sse}: one event at once, a second one 2 s later.</li>
 *   <li>flaky: like ocs, on a fixed port, stopped and started by tests ({@link #stopFlaky()}).</li>
 *   <li>journey: verifies simple logins on {@code /internal/journey/simple-login} as journey-service would, for a
 *       SERVICE bearer only: digits {@code 1001} match patient 1001, {@code 2002} two patients (409), others none
 *       (404).</li>
 * </ul>
 */
public final class Downstreams {

  private static final DisposableServer OCS_A = echo("a", 0);
  private static final DisposableServer OCS_B = echo("b", 0);
  private static final Queue<String> NOTIFICATION_CLOSES = new ConcurrentLinkedQueue<>();

  private static final DisposableServer NOTIFICATION_A = notification("a");
  private static final DisposableServer NOTIFICATION_B = notification("b");

  private static final DisposableServer JOURNEY = journey();

  private static final int FLAKY_PORT = freePort();
  private static DisposableServer flaky = echo("flaky", FLAKY_PORT);

  private Downstreams() {
  }

  /** Both ocs instances, comma-separated, as {@code OCS_URL} takes them. */
  public static String ocsUrl() {
    return "http://127.0.0.1:" + OCS_A.port() + ",http://127.0.0.1:" + OCS_B.port();
  }

  /** Both notification instances, comma-separated, as {@code NOTIFICATION_URL} takes them. */
  public static String notificationUrl() {
    return "http://127.0.0.1:" + NOTIFICATION_A.port() + ",http://127.0.0.1:" + NOTIFICATION_B.port();
  }

  /** {@code <request URI> <close code>} for every close frame the notification server received. */
  public static Queue<String> notificationCloses() {
    return NOTIFICATION_CLOSES;
  }

  /** The stand-in journey-service, as {@code JOURNEY_URL} takes it. */
  public static String journeyUrl() {
    return "http://127.0.0.1:" + JOURNEY.port();
  }

  public static String flakyUrl() {
    return "http://127.0.0.1:" + FLAKY_PORT;
  }

  public static synchronized void stopFlaky() {
    flaky.disposeNow();
  }

  public static synchronized void startFlaky() {
    if (flaky.isDisposed()) {
      flaky = echo("flaky", FLAKY_PORT);
    }
  }

  private static DisposableServer notification(String instance) {
    return HttpServer.create().host("127.0.0.1").port(0)
        .route(routes -> routes
            .route(request -> request.uri().startsWith(SocketScripts.PREFIX),
                (request, response) -> SocketScripts.serve(request, response, instance))
            .route(request -> request.uri().startsWith("/ws"), Downstreams::webSocket)
            .get("/sse", (request, response) -> response.sse()
                .sendString(Flux.concat(Mono.just("data: first\n\n"),
                    Mono.just("data: second\n\n").delayElement(Duration.ofSeconds(2))))))
        .bindNow();
  }

  private static DisposableServer journey() {
    return HttpServer.create().host("127.0.0.1").port(0)
        .route(routes -> routes.post("/internal/journey/simple-login", (request, response) -> request.receive()
            .aggregate().asString().flatMap(body -> {
              String auth = String.valueOf(request.requestHeaders().get("Authorization"));
              if (!auth.startsWith("Bearer ")) {
                return response.status(401).send().then();
              }
              if (body.contains("\"1001\"")) {
                return response.header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"patientId\":\"1001\",\"userId\":\"patient.1001\",\"name\":\"Patient 1001\"}")).then();
              }
              return response.status(body.contains("\"2002\"") ? 409 : 404).send().then();
            })))
        .bindNow();
  }

  private static DisposableServer echo(String instance, int port) {
    return HttpServer.create().host("127.0.0.1").port(port)
        .handle((request, response) -> response
            // flaky: no kept-alive connection that would outlive a stop
            .header("Connection", "flaky".equals(instance) ? "close" : "keep-alive")
            .header("X-Seen-Instance", instance)
            .header("X-Seen-Method", request.method().name())
            .header("X-Seen-Uri", request.uri())
            .header("X-Seen-Authorization", String.valueOf(request.requestHeaders().get("Authorization")))
            .header("X-Seen-Request-Id", String.valueOf(request.requestHeaders().get("X-Request-Id")))
            .header("X-Seen-Traceparent", String.valueOf(request.requestHeaders().get("traceparent")))
            .header("Content-Type", "application/json")
            .send(request.receive().retain()))
        .bindNow();
  }

  private static org.reactivestreams.Publisher<Void> webSocket(HttpServerRequest request,
      HttpServerResponse response) {
    String greeting = "welcome " + request.uri() + " auth=" + request.requestHeaders().get("Authorization");
    String uri = request.uri();
    return response.sendWebsocket((in, out) -> {
      in.receiveCloseStatus().subscribe(status -> NOTIFICATION_CLOSES.add(uri + " " + status.code()));
      Flux<String> echoes = in.receive().asString().concatMap(text -> "close".equals(text)
          ? out.sendClose(4000, "bye").then(Mono.<String>empty())
          : Mono.just("echo:" + text));
      return out.sendString(Flux.concat(Mono.just(greeting), echoes));
    });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
