package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Client frames: {@code ping} is answered, anything malformed gets an {@code error} and the connection lives on. */
@PulseIntegrationTest
class SocketProtocolIntegrationTests {

  @LocalServerPort int port;

  @Test
  void pingIsAnsweredWithPongEchoingTheRef() throws Exception {
    try (SocketClient client = SocketClient.connected(port, TestUser.QA_JUNG.token())) {
      client.send("{\"type\":\"ping\"}");
      assertThat(client.next().toString()).isEqualTo("{\"type\":\"pong\"}");

      client.send("{\"type\":\"ping\",\"ref\":42}");
      assertThat(client.next().toString()).isEqualTo("{\"type\":\"pong\",\"ref\":42}");
    }
  }

  @Test
  void malformedFramesGetAnErrorAndTheConnectionStillAnswers() throws Exception {
    record Case(String frame, String code) {}
    List<Case> cases = List.of(
        new Case("this is not json", "BAD_FRAME"),
        new Case("{\"type\":\"ping\"", "BAD_FRAME"),
        new Case("[\"ping\"]", "BAD_FRAME"),
        new Case("\"ping\"", "BAD_FRAME"),
        new Case("{}", "BAD_FRAME"),
        new Case("{\"type\":7}", "BAD_FRAME"),
        new Case("{\"type\":null}", "BAD_FRAME"),
        new Case("{\"type\":\"subscribe-to-everything\"}", "UNKNOWN_TYPE"),
        new Case("{\"type\":\"PING\"}", "UNKNOWN_TYPE"));
    try (SocketClient client = SocketClient.connected(port, TestUser.PATIENT_1001.token())) {
      for (Case bad : cases) {
        client.send(bad.frame());
        JsonNode error = client.next();

        assertThat(error.path("type").asString()).as(bad.frame()).isEqualTo("error");
        assertThat(error.path("code").asString()).as(bad.frame()).isEqualTo(bad.code());
        assertThat(error.path("message").asString()).as(bad.frame()).isNotBlank();
      }
      client.send("{\"type\":\"ping\"}");
      assertThat(client.next().path("type").asString()).isEqualTo("pong");
    }
  }

  @Test
  void anErrorEchoesTheRefOfTheFrameItAnswers() throws Exception {
    try (SocketClient client = SocketClient.connected(port, TestUser.OP_HAN.token())) {
      client.send("{\"type\":\"publish\",\"ref\":\"r-1\"}");
      JsonNode error = client.next();

      assertThat(error.path("code").asString()).isEqualTo("UNKNOWN_TYPE");
      assertThat(error.path("ref").asString()).isEqualTo("r-1");
      assertThat(error.path("message").asString()).contains("publish").contains("ping").contains("subscribe");
    }
  }

  @Test
  void aBinaryFrameIsAnErrorToo() throws Exception {
    try (SocketClient client = SocketClient.connected(port, TestUser.EMP_12345.token())) {
      client.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(client.next().path("code").asString()).isEqualTo("BAD_FRAME");
      client.send("{\"type\":\"ping\"}");
      assertThat(client.next().path("type").asString()).isEqualTo("pong");
    }
  }

  @Test
  void aFrameAboveTheSizeLimitClosesTheConnectionWith1009() throws Exception {
    try (SocketClient client = SocketClient.connected(port, TestUser.ADMIN.token())) {
      // the limit is 16 KB: just below is fine, just above is not
      client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(15 * 1024) + "\"}");
      assertThat(client.next().path("type").asString()).isEqualTo("pong");

      client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}");

      assertThat(client.closeCode()).isEqualTo(1009);
    }
  }
}
