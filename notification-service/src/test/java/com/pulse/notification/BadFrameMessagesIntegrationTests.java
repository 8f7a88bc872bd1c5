package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A refused client frame says what the client got wrong, never how the server parsed it (issue 11, item 9: messages
 * quoted Jackson's own). Strict JSON applies to frames too: a key given twice is refused like malformed JSON.
 */
@PulseIntegrationTest
class BadFrameMessagesIntegrationTests {

  private static final List<String> INTERNALS = List.of("jackson", "Jackson", "Unexpected", "Source", "line:",
      "column:", "Exception", "java.", "tools.", "`", "token", "JsonParser", "START_");

  @LocalServerPort int port;

  @Test
  void noErrorFrameQuotesTheParser() throws Exception {
    List<String> frames = List.of("not json", "{\"type\":\"ping\"", "{\"type\":\"ping\",\"type\":\"ping\"}",
        "{\"type\":\"ping\"} trailing", "[".repeat(5000), "{\"type\":\"\\ud800\"}", "{\"type\":\"ping\u0001\"}",
        "{\"type\":\"subscribe\",\"channels\":[1,{},null]}", "{\"type\":\"subscribe\",\"channels\":\"x\"}",
        "{\"type\":\"history\",\"channel\":7,\"limit\":\"x\"}", "{'type':'ping'}", "{\"type\":\"ping\",}");
    try (SocketClient client = SocketClient.connected(port, TestUser.QA_JUNG.token())) {
      for (String frame : frames) {
        client.send(frame);
        JsonNode error = client.next();

        assertThat(error.path("type").asString()).as(frame).isEqualTo("error");
        String message = error.path("message").asString();
        assertThat(message).as(frame).isNotBlank();
        INTERNALS.forEach(internal -> assertThat(message).as(frame).doesNotContain(internal));
      }
      client.send("{\"type\":\"ping\"}");
      assertThat(client.next().path("type").asString()).isEqualTo("pong");
    }
  }
}
