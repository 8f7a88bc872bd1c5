package com.pulse.notification.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.pulse.identity.Caller;
import com.pulse.testsupport.TestUser;
import com.pulse.notification.metrics.NotificationMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** Send queue and heartbeat rules without a network: nobody subscribing to the messages is a client not reading. */
class ConnectionTests {

  private static final Caller ADMIN = TestUser.ADMIN.caller();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final NotificationMetrics metrics = new NotificationMetrics(registry);
  private final AtomicLong clock = new AtomicLong(1_000);
  private final List<WebSocketSession> dropped = new CopyOnWriteArrayList<>();

  @Test
  void aClientThatReadsNothingIsClosedWith4008WhenItsQueueOverflowsAndNothingMoreIsQueued() {
    WebSocketSession session = session();
    Connection connection = connection(session, 3);

    for (int i = 0; i < 3; i++) {
      assertThat(connection.offer(text("frame " + i))).isTrue();
    }
    verify(session, never()).close(any());

    assertThat(connection.offer(text("one too many"))).isFalse();
    assertThat(connection.offer(text("after the close"))).isFalse();

    verify(session, times(1)).close(CloseCodes.SLOW_CONSUMER);
    assertThat(registry.get("pulse.notification.disconnects").tag("reason", "slow_consumer").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("pulse.notification.frames.dropped").counter().count()).isEqualTo(2);
    // it cannot even read the close frame: after the grace period its TCP connection is dropped
    await().atMost(Duration.ofSeconds(5)).until(() -> dropped.contains(session));
  }

  @Test
  void framesLeaveInTheOrderTheyWereQueuedAndFreeTheirPlaces() {
    Connection connection = connection(session(), 2);
    connection.offer(text("first"));
    connection.offer(text("second"));

    List<String> sent = new CopyOnWriteArrayList<>();
    // a socket that took two frames and wants no more for now
    connection.messages().subscribe(message -> sent.add(message.getPayloadAsText()), error -> { }, () -> { },
        subscription -> subscription.request(2));

    assertThat(sent).containsExactly("first", "second");
    assertThat(connection.offer(text("third"))).isTrue();
    assertThat(connection.offer(text("fourth"))).isTrue();
    assertThat(sent).containsExactly("first", "second");
  }

  @Test
  void theHeartbeatPingsLiveConnectionsAndClosesSilentOnes() {
    Connections connections = new Connections(settings(Duration.ofSeconds(1), Duration.ofSeconds(3)), metrics,
        clock::get, dropped::add);
    WebSocketSession quietSession = session();
    WebSocketSession chattySession = session();
    Connection quiet = connections.open(quietSession, ADMIN);
    Connection chatty = connections.open(chattySession, ADMIN);

    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    chatty.touch();
    clock.addAndGet(Duration.ofMillis(1500).toNanos());
    connections.heartbeat();

    verify(quietSession).close(CloseCodes.IDLE);
    verify(chattySession, never()).close(any());
    WebSocketMessage ping = chatty.messages().blockFirst(Duration.ofSeconds(5));
    assertThat(ping.getType()).isEqualTo(WebSocketMessage.Type.PING);
    assertThat(quiet.offer(text("late"))).isFalse();
    assertThat(registry.get("pulse.notification.disconnects").tag("reason", "idle").counter().count()).isEqualTo(1);
  }

  @Test
  void stoppingTellsEveryClientToReconnectElsewhere() {
    Connections connections = new Connections(settings(Duration.ofSeconds(1), Duration.ofSeconds(3)), metrics,
        clock::get, dropped::add);
    WebSocketSession session = session();
    connections.open(session, ADMIN);
    connections.start();

    connections.stop();

    verify(session).close(CloseCodes.RESTARTING);
    await().atMost(Duration.ofSeconds(5)).until(() -> dropped.contains(session));
    assertThat(CloseCodes.RESTARTING.getCode()).isEqualTo(1012);
    assertThat(connections.isRunning()).isFalse();
  }

  @Test
  void theOpenConnectionsGaugeFollowsOpenAndClose() {
    Connections connections = new Connections(settings(Duration.ofSeconds(1), Duration.ofSeconds(3)), metrics,
        clock::get, dropped::add);
    // the gauge counts admitted connections (WebSocket and SSE alike), as SocketSessions admits and releases them
    assertThat(connections.admit(ADMIN.id())).isNull();
    Connection first = connections.open(session(), ADMIN);
    assertThat(connections.admit(ADMIN.id())).isNull();
    connections.open(session(), ADMIN);
    assertThat(registry.get("pulse.notification.connections").gauge().value()).isEqualTo(2);

    connections.closed(first);
    connections.release(ADMIN.id());

    assertThat(registry.get("pulse.notification.connections").gauge().value()).isEqualTo(1);
    assertThat(first.offer(text("after close"))).isFalse();
  }

  private Connection connection(WebSocketSession session, int sendQueue) {
    return new Connection(session, ADMIN, sendQueue, metrics, clock::get, Duration.ofMillis(50), dropped::add);
  }

  private static SocketProperties settings(Duration heartbeat, Duration idle) {
    return new SocketProperties(heartbeat, idle, 16, Duration.ofMillis(50), DataSize.ofKilobytes(16), 100, 2,
        Duration.ofSeconds(5), 20, 50);
  }

  private static WebSocketSession session() {
    WebSocketSession session = mock(WebSocketSession.class);
    when(session.close(any())).thenReturn(Mono.empty());
    when(session.bufferFactory()).thenReturn(DefaultDataBufferFactory.sharedInstance);
    return session;
  }

  private static OutboundFrame text(String text) {
    return OutboundFrame.text(text.getBytes(StandardCharsets.UTF_8));
  }
}
