package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The channel catalog as the real socket enforces it, for every demo user: the channels joined on connect, and every
 * sample channel subscribed to — {@code subscribed} where {@link AccessMatrix} allows it, {@code FORBIDDEN} where it
 * does not.
 */
@PulseIntegrationTest
class CatalogSocketIntegrationTests {

  @LocalServerPort int port;

  static List<Arguments> users() {
    List<Arguments> users = new ArrayList<>();
    AccessMatrix.ALLOWED.forEach((user, allowed) -> users.add(Arguments.of(user.id(), user, allowed)));
    return users;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("users")
  void joinsItsChannelsOnConnectAndSubscribesExactlyToWhatItMay(String id, TestUser user, Set<String> allowed)
      throws Exception {
    try (SocketClient socket = SocketClient.connect(port, user.token())) {
      JsonNode connected = socket.next();
      assertThat(connected.path("type").asString()).isEqualTo("connected");
      List<String> expected = AccessMatrix.AUTO_JOINED.get(user);
      if (expected != null) {
        assertThat(connected.path("channels").valueStream().map(JsonNode::asString).toList())
            .containsExactlyElementsOf(expected);
      }
      Map<String, String> outcomes = new java.util.TreeMap<>();
      for (String channel : AccessMatrix.CHANNELS) {
        socket.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\",\"ref\":\"" + channel + "\"}");
        JsonNode answer = socket.next(frame -> frame.path("ref").asString("").equals(channel));
        outcomes.put(channel, answer.path("type").asString().equals("subscribed") ? "subscribed"
            : answer.path("code").asString());
      }
      for (String channel : AccessMatrix.CHANNELS) {
        assertThat(outcomes.get(channel)).as(id + " → " + channel)
            .isEqualTo(allowed.contains(channel) ? "subscribed" : "FORBIDDEN");
      }
    }
  }
}
