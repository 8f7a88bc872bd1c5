package com.pulse.notification.socket;

import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.Presence;
import com.pulse.notification.channel.Page;
import com.pulse.notification.stream.StreamPosition;
import java.time.Duration;
import java.time.Instant;
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

  /** Error codes of {@code error} frames (README, "Error codes"). */
  static final String BAD_FRAME = "BAD_FRAME";
  static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
  static final String BAD_REQUEST = "BAD_REQUEST";
  static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
  static final String FORBIDDEN = "FORBIDDEN";
  static final String NOT_SUBSCRIBED = "NOT_SUBSCRIBED";
  static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
  static final String TOKEN_INVALID = "TOKEN_INVALID";
  static final String RATE_LIMITED = "RATE_LIMITED";

  private final JsonMapper json;

  ServerFrames(JsonMapper json) {
    this.json = json;
  }

  /** {@code {"type":"connected","session":…,"user":{"id","name","roles"},"channels":[…],"heartbeat":25}} */
  byte[] connected(Connection connection, Collection<String> channels, Duration heartbeat,
      StreamPosition position) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", connection.caller().id());
    user.put("name", connection.caller().name());
    user.put("roles", connection.caller().roleNames());
    Map<String, Object> frame = frame("connected");
    frame.put("session", connection.id());
    frame.put("user", user);
    frame.put("channels", channels);
    frame.put("heartbeat", heartbeat.toSeconds());
    frame.put("position", position.toString());
    return json.writeValueAsBytes(frame);
  }

  /** {@code {"type":"subscribed","channel":…,"recovered":…,"position":…}} */
  byte[] subscribed(Dispatcher.Subscription subscription, JsonNode ref) {
    Map<String, Object> frame = frame("subscribed");
    frame.put("channel", subscription.channel());
    frame.put("recovered", subscription.recovered());
    frame.put("position", subscription.position().toString());
    return json.writeValueAsBytes(withRef(frame, ref));
  }

  /** {@code {"type":"unsubscribed","channel":…}} */
  byte[] unsubscribed(String channel, JsonNode ref) {
    Map<String, Object> frame = frame("unsubscribed");
    frame.put("channel", channel);
    return json.writeValueAsBytes(withRef(frame, ref));
  }

  /** {@code {"type":"refreshed","expires":…}} */
  byte[] refreshed(Instant expires, JsonNode ref) {
    Map<String, Object> frame = frame("refreshed");
    frame.put("expires", expires == null ? null : expires.toString());
    return json.writeValueAsBytes(withRef(frame, ref));
  }

  /**
   * {@code {"type":"history","channel":…,"position":…,"ref":…,"events":[{"position":…,"event":{…}},…]}}, the events
   * embedded as Kafka holds them.
   */
  byte[] history(String channel, Page page, JsonNode ref) {
    Map<String, Object> head = frame("history");
    head.put("channel", channel);
    head.put("position", page.position().toString());
    withRef(head, ref);
    return page.withEvents(json.writeValueAsBytes(head), json);
  }

  /** {@code {"type":"presence","channel":…,"clients":…,"users":…}} */
  byte[] presence(Presence.Count count, JsonNode ref) {
    Map<String, Object> frame = frame("presence");
    frame.put("channel", count.channel());
    frame.put("clients", count.clients());
    frame.put("users", count.users());
    return json.writeValueAsBytes(withRef(frame, ref));
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
