package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class ReceiversTests {

  private static final String EVENT = """
      {"type":"event","channels":["ocs:all"],"position":"%s","event":{"type":"ocs.order.created",\
      "data":{"orderCode":"%s","position":"not this one"}}}""";

  /**
   * A server that closes the first connection as a slow consumer after one event, and on the second sends the next
   * event: the socket must come back from the position it last saw, and both events count.
   */
  @Test
  void aSocketClosedAsSlowConsumerConnectsAgainFromTheLastPositionItSaw() throws Exception {
    List<String> handshakes = new CopyOnWriteArrayList<>();
    AtomicInteger connections = new AtomicInteger();
    Sinks.Empty<Void> expected = Sinks.empty();
    DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
        .route(routes -> routes.get("/ws", (request, response) -> {
          handshakes.add(request.uri());
          int connection = connections.incrementAndGet();
          return response.sendWebsocket((in, out) -> connection == 1
              ? out.sendString(Mono.just("{\"type\":\"connected\",\"position\":\"ocs.orders.v1:0:1\"}"))
                  .then(expected.asMono())
                  .then(out.sendString(Mono.just(EVENT.formatted("ocs.orders.v1:0:2", "A"))).then())
                  .then(out.sendClose(Receivers.SLOW_CONSUMER, "slow consumer"))
              : out.sendString(Flux.just("{\"type\":\"connected\",\"position\":\"ocs.orders.v1:0:2\"}",
                      EVENT.formatted("ocs.orders.v1:0:3", "B"))).then()
                  .then(in.receive().then()));
        }))
        .bindNow();
    try (Receivers receivers = new Receivers("http://127.0.0.1:" + server.port(), "token", 1)) {
      long now = System.nanoTime();
      receivers.expect("A", "ocs.order.created", now);
      receivers.expect("B", "ocs.order.created", now);
      expected.tryEmitEmpty();

      await().atMost(Duration.ofSeconds(10)).until(() -> receivers.delivered() == 2);
      assertThat(receivers.reconnects()).isEqualTo(1);
      assertThat(handshakes).hasSize(2);
      assertThat(handshakes.get(0)).isEqualTo("/ws?access_token=token");
      assertThat(handshakes.get(1)).as("resumes after event A, the frame's own position")
          .isEqualTo("/ws?access_token=token&since=ocs.orders.v1%3A0%3A2");
    } finally {
      server.disposeNow();
    }
  }
}
