package com.pulse.notification.inbox;

import com.pulse.notification.channel.RoutingRules;
import com.pulse.notification.preference.EventPriority;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a Kafka record's CloudEvent into an {@link InboxEntry}: routed by the same {@link RoutingRules} as live
 * delivery, so the inbox and the live stream agree on who sees what.
 */
@Component
class InboxEntries {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final RoutingRules rules;

  InboxEntries(RoutingRules rules) {
    this.rules = rules;
  }

  /**
   * @param recordTime the Kafka record timestamp, used when the event has no readable {@code time}
   * @return the entry, with no channels when no rule routes the event anywhere
   * @throws IllegalArgumentException when the value is not a structured CloudEvent with a string id and type
   */
  InboxEntry read(String json, Position position, Instant recordTime) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (!node.isObject() || !node.path("id").isString() || !node.path("type").isString()) {
      throw new IllegalArgumentException("no string 'id' and 'type'");
    }
    StreamEvent event = new StreamEvent(position, json.getBytes(StandardCharsets.UTF_8), node.get("id").asString(),
        node.get("type").asString(), text(node.path("subject")), time(node.path("time"), recordTime),
        scalars(node.path("data")));
    List<String> channels = rules.route(event);
    NotificationText.Text text = NotificationText.of(event);
    return new InboxEntry(event.id(), event.type(), event.subject(), channels, EventPriority.of(event), text.title(),
        text.summary(), event.time(), position.toString(), json);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  private static Instant time(JsonNode node, Instant fallback) {
    if (node.isString()) {
      try {
        return OffsetDateTime.parse(node.asString()).toInstant();
      } catch (DateTimeParseException e) {
        // an unreadable time: the broker's timestamp orders the entry instead
      }
    }
    return fallback != null ? fallback : Instant.now();
  }

  /** The top-level scalars of {@code data} as text, as the live stream reads them. */
  private static Map<String, String> scalars(JsonNode data) {
    Map<String, String> scalars = new HashMap<>();
    if (data.isObject()) {
      data.properties().forEach(member -> {
        JsonNode value = member.getValue();
        if (value.isValueNode() && !value.isNull()) {
          scalars.put(member.getKey(), value.asString());
        }
      });
    }
    return scalars;
  }
}
