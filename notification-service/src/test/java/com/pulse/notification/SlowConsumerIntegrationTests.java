package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.OrderEvents.Sent;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client that completes the handshake and then never reads: its send queue (256 frames in tests) overflows, it is
 * closed with 4008 and, since it cannot even read that, its TCP connection is dropped after the grace period. A
 * reading client on the same instance receives every event meanwhile.
 */
@PulseIntegrationTest
class SlowConsumerIntegrationTests {

  private static final String NOTES = "n".repeat(1900);
  private static final int BATCH = 50;

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @Test
  void aClientThatStopsReadingIsCutOffWhileAReadingClientGetsEveryEvent() throws Exception {
    double cutBefore = slowConsumerCuts();
    try (SocketClient reader = SocketClient.connected(port, TestUser.ADMIN.token());
        OrderEvents kafka = new OrderEvents();
        RawSocket stalled = RawSocket.handshake(port, "/ws?access_token=" + TestUser.ADMIN.token(), 4096)) {
      assertThat(stalled.status()).isEqualTo(101);
      reader.sync();

      int published = 0;
      while (slowConsumerCuts() == cutBefore) {
        assertThat(published).as("events published before the stalled client overflowed").isLessThan(4000);
        List<Sent> batch = kafka.publishMany(BATCH, "dr.lee", "LIS", NOTES);
        published += BATCH;
        awaitAll(reader, batch);
      }

      assertThat(slowConsumerCuts()).isEqualTo(cutBefore + 1);
      assertThat(readUntilClosed(stalled)).as("the server ended the stalled TCP connection").isTrue();
      // and the reader is still served
      Sent after = kafka.publish("dr.lee", "LIS");
      awaitAll(reader, List.of(after));
    }
  }

  /** The reader gets every event of the batch (each wait is bounded). */
  private static void awaitAll(SocketClient reader, List<Sent> batch) throws InterruptedException {
    Set<String> missing = batch.stream().map(Sent::orderId).collect(Collectors.toCollection(HashSet::new));
    while (!missing.isEmpty()) {
      missing.remove(reader.next(frame -> missing.contains(frame.path("event").path("subject").asString()))
          .path("event").path("subject").asString());
    }
  }

  /**
   * Reads what the server had sent until the connection ends: true on end of stream or reset, false when nothing
   * arrives for the socket's read timeout (10 s) while it is still open.
   */
  private static boolean readUntilClosed(RawSocket stalled) throws IOException {
    InputStream in = stalled.input();
    byte[] buffer = new byte[64 * 1024];
    try {
      while (in.read(buffer) >= 0) {
        // discard: only the end matters
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  private double slowConsumerCuts() {
    Counter counter = meters.find("pulse.notification.disconnects").tag("reason", "slow_consumer").counter();
    return counter == null ? 0 : counter.count();
  }
}
