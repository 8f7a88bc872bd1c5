package com.pulse.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * What notification-service does to a socket that the proxy must carry faithfully, as scripts on
 * {@code /ws/script/<name>?<parameters>} of the notification stand-ins ({@link Downstreams}):
 *
 * <ul>
 *   <li>{@code close?code=&reason=&when=open|message}: closes with that code and reason at once (as a connection
 *       limit does) or when the client sends its first message (after a {@code ready} greeting); {@code code=none}
 *       sends a close frame without a code;</li>
 *   <li>{@code firehose?frames=&min=&max=}: sends {@code frames} text frames of {@code min}–{@code max} bytes as fast
 *       as the connection takes them ({@code <n>:<padding>}, a ping every 1,000), then {@code done:<frames>}; echoes
 *       every client message as {@code echo:<text>} meanwhile;</li>
 *   <li>{@code flood?burst=&linger=}: answers each client frame over {@code burst} with a {@code RATE_LIMITED} error
 *       and closes with 4029 {@code too many frames} at twice the burst, as the service's inbound rate limit does.
 *       With {@code linger=true} (the default) it closes the TCP connection only once the peer answered the close
 *       frame, as RFC 6455 asks; {@code linger=false} closes it at once, as Reactor Netty's {@code sendClose} does,
 *       so that the data the flooder still sends makes the service's kernel answer with a reset, which can destroy
 *       the close frame before it is read, with or without a gateway in between;</li>
 *   <li>{@code headers}: greets with the handshake headers it got and its instance name
 *       ({@code instance=a request-id=… traceparent=… authorization=… host=…});</li>
 *   <li>{@code protocols?accept=}: accepts only that sub-protocol and greets with {@code protocol=<chosen>};</li>
 *   <li>{@code refuse?status=&retry-after=}: refuses the handshake with that HTTP status;</li>
 *   <li>{@code big?bytes=}: greets with {@code ready}, then sends one text frame of that many bytes;</li>
 *   <li>{@code drop}: greets with {@code ready}, then drops the connection without a close frame when the client
 *       sends a message.</li>
 * </ul>
 *
 * How each script's socket ended is recorded as {@code <id> <code> <reason>} (the close frame received or sent), or
 * {@code <id> dropped}; {@code id} is the {@code id} parameter or else the script's name ({@link #closesReceived()}).
 */
public final class SocketScripts {

  static final String PREFIX = "/ws/script/";

  private static final Queue<String> CLOSES_RECEIVED = new ConcurrentLinkedQueue<>();

  private SocketScripts() {
  }

  public static Queue<String> closesReceived() {
    return CLOSES_RECEIVED;
  }

  static Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response, String instance) {
    QueryStringDecoder query = new QueryStringDecoder(request.uri());
    String script = query.path().substring(PREFIX.length());
    String id = parameter(query, "id", script);
    if ("refuse".equals(script)) {
      return response.status(Integer.parseInt(parameter(query, "status", "403")))
          .header("Retry-After", parameter(query, "retry-after", "1"))
          .sendString(Mono.just("refused"));
    }
    WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder();
    if ("protocols".equals(script)) {
      spec.protocols(parameter(query, "accept", "none"));
    }
    return response.sendWebsocket((in, out) -> {
      in.receiveCloseStatus()
          .map(status -> id + " " + status.code() + " " + status.reasonText())
          .defaultIfEmpty(id + " dropped")
          .subscribe(CLOSES_RECEIVED::add);
      return switch (script) {
        case "close" -> close(query, in, out);
        case "firehose" -> firehose(query, in, out);
        case "flood" -> flood(query, in, out);
        case "headers" -> sendAndStay(Flux.just(headers(request, instance)), in, out);
        case "protocols" -> sendAndStay(Flux.just("protocol=" + in.selectedSubprotocol()), in, out);
        case "big" -> sendAndStay(Flux.just("ready", "b".repeat(Integer.parseInt(parameter(query, "bytes",
            "70000")))), in, out);
        case "drop" -> out.sendString(Mono.just("ready")).then()
            // not Connection.dispose(): that sends an empty close frame first
            .thenMany(in.receive().doOnNext(message -> in.withConnection(c -> c.channel().close())))
            .then();
        default -> out.sendClose(1011, "no script " + script);
      };
    }, spec.build());
  }

  private static Publisher<Void> close(QueryStringDecoder query, WebsocketInbound in, WebsocketOutbound out) {
    String code = parameter(query, "code", "1000");
    String reason = parameter(query, "reason", "");
    Mono<Void> close = Mono.defer(() -> "none".equals(code)
        ? out.sendClose()
        : out.sendClose(Integer.parseInt(code), reason));
    if ("open".equals(parameter(query, "when", "open"))) {
      return close;
    }
    // reads on after the first message: cancelling the inbound would send a close frame of its own
    return out.sendString(Mono.just("ready")).then()
        .thenMany(in.receive().concatMap(message -> close))
        .then();
  }

  /** Sends {@code frames}, then stays open until the client closes. */
  private static Publisher<Void> sendAndStay(Flux<String> frames, WebsocketInbound in, WebsocketOutbound out) {
    return out.sendString(frames).then().then(in.receive().then());
  }

  private static String headers(HttpServerRequest request, String instance) {
    HttpHeaders headers = request.requestHeaders();
    return "instance=" + instance + " request-id=" + headers.get("X-Request-Id") + " traceparent="
        + headers.get("traceparent") + " authorization=" + headers.get("Authorization") + " host="
        + headers.get("Host");
  }

  private static Publisher<Void> firehose(QueryStringDecoder query, WebsocketInbound in, WebsocketOutbound out) {
    int frames = Integer.parseInt(parameter(query, "frames", "20000"));
    int min = Integer.parseInt(parameter(query, "min", "1024"));
    int max = Integer.parseInt(parameter(query, "max", "4096"));
    Flux<WebSocketFrame> pushed = Flux.range(0, frames)
        .concatMap(n -> n % 1000 == 999
            ? Flux.just(text(n, min, max), new PingWebSocketFrame(Unpooled.wrappedBuffer(bytes("hb" + n))))
            : Mono.just(text(n, min, max)), 32)
        .concatWith(Mono.fromCallable(() -> new TextWebSocketFrame("done:" + frames)));
    // concatMap, not filter: a filtered-out frame (a pong) would be released by the discard hook of sendObject and
    // then again by the inbound, after onNext
    Flux<WebSocketFrame> echoes = in.aggregateFrames().receiveFrames()
        .concatMap(frame -> frame instanceof TextWebSocketFrame text
            ? Mono.just(new TextWebSocketFrame("echo:" + text.text()))
            : Mono.empty());
    return out.sendObject(Flux.merge(pushed, echoes)).then();
  }

  private static Publisher<Void> flood(QueryStringDecoder query, WebsocketInbound in, WebsocketOutbound out) {
    int burst = Integer.parseInt(parameter(query, "burst", "50"));
    boolean linger = Boolean.parseBoolean(parameter(query, "linger", "true"));
    AtomicInteger received = new AtomicInteger();
    Flux<String> answers = in.receive().asString().concatMap(text -> {
      int n = received.incrementAndGet();
      if (n == 2 * burst) {
        if (!linger) {
          return out.sendClose(4029, "too many frames").then(Mono.<String>empty());
        }
        // the close frame now, the TCP connection closed only once the peer answered (RFC 6455, 7.1.1)
        in.withConnection(c -> c.channel().writeAndFlush(new CloseWebSocketFrame(4029, "too many frames")));
        return Mono.<String>empty();
      }
      return n > burst && n < 2 * burst ? Mono.just("{\"type\":\"error\",\"code\":\"RATE_LIMITED\"}") : Mono.empty();
    });
    return out.sendString(answers).then();
  }

  private static TextWebSocketFrame text(int n, int min, int max) {
    int size = ThreadLocalRandom.current().nextInt(min, max + 1);
    StringBuilder text = new StringBuilder(size).append(n).append(':');
    while (text.length() < size) {
      text.append((char) ('a' + text.length() % 26));
    }
    return new TextWebSocketFrame(text.toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String parameter(QueryStringDecoder query, String name, String otherwise) {
    List<String> values = query.parameters().get(name);
    return values == null || values.isEmpty() ? otherwise : values.getFirst();
  }
}
