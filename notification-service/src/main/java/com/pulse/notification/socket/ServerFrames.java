package com.pulse.notification.socket;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes the server's protocol frames other than {@code event} (which {@link com.pulse.notification.channel.Delivery}
 * builds once per event). Shapes are documented in the README.
 */
@Component
final class ServerFrames {

  /** Error codes of {@code error} frames. */
  static final String BAD_FRAME = "BAD_FRAME";
  static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";

  private final JsonMapper json;

  ServerFrames(JsonMapper json) {
    this.json = json;
  }

  /** {@code {"type":"connected","session":…,"user":{"id","name","roles"},"channels":[…],"heartbeat":25}} */
  byte[] connected(Connection connection, Collection<String> channels, Duration heartbeat) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", connection.viewer().id());
    user.put("name", connection.viewer().name());
    user.put("roles", connection.viewer().roles());
    Map<String, Object> frame = frame("connected");
    frame.put("session", connection.id());
    frame.put("user", user);
    frame.put("channels", channels);
    frame.put("heartbeat", heartbeat.toSeconds());
    return json.writeValueAsBytes(frame);
  }

  /** {@code {"type":"pong"}}, with the client's {@code ref} when it sent one. */
  byte[] pong(JsonNode ref) {
    return json.writeValueAsBytes(withRef(frame("pong"), ref));
  }

  /** {@code {"type":"error","code":…,"message":…}}, with the client's {@code ref} when it sent one. */
  byte[] error(String code, String message, JsonNode ref) {
    Map<String, Object> frame = frame("error");
    frame.put("code", code);
    frame.put("message", message);
    return json.writeValueAsBytes(withRef(frame, ref));
  }

  private static Map<String, Object> frame(String type) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", type);
    return frame;
  }

  private static Map<String, Object> withRef(Map<String, Object> frame, JsonNode ref) {
    if (ref != null) {
      frame.put("ref", ref);
    }
    return frame;
  }
}
