package com.pulse.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.gateway.SocketEvents;
import com.pulse.gateway.SocketScripts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Sockets through the gateway survive a saturating load: several clients each take 20,000 frames of 1–4 KB pushed as
 * fast as the connections allow, with pings among them, while one client sends 2,000 messages of its own; every frame
 * arrives once and in order, no socket ends abnormally (no 1002, no dropped connection), and the gateway logs no
 * reference-counting error. Clients that flood the service get the service's 4029, not a closed connection: the close
 * races with the frames still on their way, and the gateway must neither lose it nor close the client's connection
 * under frames it has not read (the reset would destroy the close frame). The stand-in service completes the closing
 * handshake itself ({@code linger}); one that closes at once can lose its 4029 before the gateway reads it. Many
 * service messages over the frame limit at once, while other sockets are saturated, each close their client with
 * 1014 and its reason: the close is decided once, whatever the order in which the limit, the service's close and the
 * end of its inbound reach the gateway (before, most of these clients got no close at all).
 */
class WebSocketLoadTests extends GatewayTestBase {

  private static final int CLIENTS = 4;
  private static final int FRAMES = 20_000;
  private static final int CLIENT_MESSAGES = 2_000;
  private static final int FLOODERS = 8;
  private static final int OVERSIZED = 40;

  private final HttpClient client = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void captureLog() {
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void close() {
    root().detachAppender(log);
    sockets.forEach(WebSocket::abort);
    client.shutdownNow(); // close() waits for every exchange, and an aborted socket's may never end
  }

  @Test
  void everyFrameOfASaturatingLoadArrivesAndNoSocketBreaks() throws Exception {
    List<Firehose> firehoses = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Firehose firehose = new Firehose();
      sockets.add(open("/ws/script/firehose?frames=" + FRAMES + "&min=1024&max=4096&id=load-" + i, firehose));
      firehoses.add(firehose);
    }

    WebSocket talker = sockets.getFirst();
    for (int i = 0; i < CLIENT_MESSAGES; i++) {
      talker.sendText("m" + i, true).get(10, TimeUnit.SECONDS); // the next send may start only when this one ends
    }

    for (Firehose firehose : firehoses) {
      assertThat(firehose.done).as("all frames within 120 s").succeedsWithin(Duration.ofSeconds(120));
      assertThat(firehose.problems).isEmpty();
      assertThat(firehose.frames).hasValue(FRAMES);
      assertThat(firehose.pings).as("the service's pings").hasValue(FRAMES / 1000);
      assertThat(firehose.closed).as("no close while loaded").isNotDone();
    }
    Firehose talking = firehoses.getFirst();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(talking.echoes).hasValue(CLIENT_MESSAGES));

    for (int i = 0; i < CLIENTS; i++) {
      sockets.get(i).sendClose(WebSocket.NORMAL_CLOSURE, "enough").get(5, TimeUnit.SECONDS);
      assertThat(firehoses.get(i).closed.get(10, TimeUnit.SECONDS)).isEqualTo("1000 enough");
      String id = "load-" + i;
      await().atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(SocketScripts.closesReceived()).contains(id + " 1000 enough"));
    }
    assertThat(referenceCountingErrors()).isEmpty();
  }

  @Test
  void clientsFloodingTheServiceGetItsFloodCloseNotAClosedConnection() throws Exception {
    // several at once: the close races with the frames still being sent, which is where a proxy loses it
    List<CompletableFuture<String>> closes = new ArrayList<>();
    for (int i = 0; i < FLOODERS; i++) {
      closes.add(CompletableFuture.supplyAsync(this::flood));
    }

    for (CompletableFuture<String> close : closes) {
      assertThat(close.get(30, TimeUnit.SECONDS)).isEqualTo("4029 too many frames");
    }
    assertThat(referenceCountingErrors()).isEmpty();
  }

  @Test
  void serviceMessagesOverTheLimitCloseEveryClientWith1014WhileOthersAreLoaded() throws Exception {
    // the firehoses keep the gateway's event loops busy while the service channels are rejected and closed
    List<Firehose> firehoses = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Firehose firehose = new Firehose();
      sockets.add(open("/ws/script/firehose?frames=" + FRAMES + "&min=1024&max=4096&id=busy-" + i, firehose));
      firehoses.add(firehose);
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < OVERSIZED; i++) {
      tokens.add(tokenForNewUser("oversized"));
    }
    // all at once: the service's oversized messages arrive together, as do the closes the gateway decides on them
    List<SocketEvents> clients = new ArrayList<>();
    List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
    for (String token : tokens) {
      SocketEvents events = new SocketEvents();
      clients.add(events);
      opening.add(client.newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + port + "/ws/script/big?bytes=70000&access_token=" + token), events));
    }
    for (CompletableFuture<WebSocket> socket : opening) {
      sockets.add(socket.get(20, TimeUnit.SECONDS));
    }

    CompletableFuture.allOf(clients.stream().map(events -> events.closed).toArray(CompletableFuture[]::new))
        .completeOnTimeout(null, 30, TimeUnit.SECONDS)
        .join();
    List<String> closes = clients.stream().map(events -> events.closed.getNow("no close within 30 s")).toList();
    assertThat(closes).as("every client's close").containsOnly("1014 service message too big").hasSize(OVERSIZED);
    for (Firehose firehose : firehoses) {
      assertThat(firehose.done).as("the loaded sockets go on").succeedsWithin(Duration.ofSeconds(120));
      assertThat(firehose.problems).isEmpty();
      assertThat(firehose.closed).as("no close while loaded").isNotDone();
    }
    assertThat(referenceCountingErrors()).isEmpty();
  }

  /** Sends up to 2,000 frames as fast as the socket takes them; returns the close frame it got. */
  private String flood() {
    try {
      SocketEvents events = new SocketEvents();
      WebSocket flooder = open("/ws/script/flood?burst=50", events);
      sockets.add(flooder);
      for (int i = 0; i < 2_000 && !events.closed.isDone(); i++) {
        try {
          flooder.sendText("{\"type\":\"ping\",\"ref\":" + i + "}", true).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException closedMeanwhile) {
          break;
        }
      }
      return events.closeFrame();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> referenceCountingErrors() {
    return log.list.stream()
        .filter(event -> mentions(event.getThrowableProxy())
            || event.getFormattedMessage().contains("IllegalReferenceCount")
            || event.getFormattedMessage().contains("LEAK:")
            || event.getFormattedMessage().contains("Error receiving WebSocket message"))
        .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
        .toList();
  }

  private static boolean mentions(IThrowableProxy thrown) {
    for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause.getClassName().endsWith("IllegalReferenceCountException")) {
        return true;
      }
    }
    return false;
  }

  private WebSocket open(String pathAndQuery, WebSocket.Listener listener) throws Exception {
    String token = tokenForNewUser("load");
    return client.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery + "&access_token=" + token), listener)
        .get(10, TimeUnit.SECONDS);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Counts the firehose's frames, checks their order, and notes anything unexpected. */
  private static final class Firehose implements WebSocket.Listener {

    final AtomicInteger frames = new AtomicInteger();
    final AtomicInteger echoes = new AtomicInteger();
    final AtomicInteger pings = new AtomicInteger();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        message(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void message(String text) {
      if (text.startsWith("echo:m")) {
        int expected = echoes.getAndIncrement();
        if (!text.equals("echo:m" + expected)) {
          problems.add("echo " + expected + " was " + text);
        }
      } else if (text.startsWith("done:")) {
        done.complete(null);
      } else {
        int expected = frames.getAndIncrement();
        if (!text.startsWith(expected + ":") || text.length() < 1024 || text.length() > 4096) {
          problems.add("frame " + expected + " was " + text.substring(0, Math.min(20, text.length())) + "… ("
              + text.length() + " chars)");
        }
      }
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      pings.incrementAndGet();
      webSocket.request(1); // the JDK client answers the ping with a pong itself
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      done.completeExceptionally(new AssertionError("closed with " + statusCode + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete("error " + error);
      done.completeExceptionally(new AssertionError("connection failed", error));
    }
  }
}
