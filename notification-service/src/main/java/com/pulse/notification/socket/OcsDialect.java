package com.pulse.notification.socket;

import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.stream.StreamEvent;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The frames of {@code /ws/ocs}, shaped for the seed's {@code ocsSocket.ts}, which dispatches on {@code type} to its
 * {@code onCreated} / {@code onStatusChanged} callbacks (seed 000; PROTOCOL.md, "Seed OCS dialect"):
 *
 * <pre>
 * ocs.order.created                       → {"type":"OCS_CREATED","ocs":{…},"eventId","position","occurredAt"}
 * ocs.order.accepted|started|completed|cancelled
 *                                         → {"type":"OCS_STATUS_CHANGED","ocs":{…},"status","action",…}
 * </pre>
 *
 * {@code ocs} is the order snapshot exactly as the event's {@code data} carries it (with {@code workerId},
 * {@code version}...). Any other event is not sent. One instance: it is the key its frames are shared under.
 */
final class OcsDialect implements EventEncoding {

  static final OcsDialect FRAMES = new OcsDialect();

  static final String CREATED = "OCS_CREATED";
  static final String STATUS_CHANGED = "OCS_STATUS_CHANGED";

  private static final String PREFIX = "ocs.order.";
  /** The status each transition leads to (the ocs.order.*.v1 schemas pin it). */
  private static final Map<String, String> STATUS_AFTER = Map.of("accepted", "ACCEPTED", "started", "IN_PROGRESS",
      "completed", "COMPLETED", "cancelled", "CANCELLED");
  private static final JsonMapper JSON = JsonMapper.shared();

  private OcsDialect() {}

  @Override
  public byte[] encode(StreamEvent event) {
    if (!event.type().startsWith(PREFIX)) {
      return null;
    }
    String action = event.type().substring(PREFIX.length());
    boolean created = action.equals("created");
    if (!created && !STATUS_AFTER.containsKey(action)) {
      return null;
    }
    JsonNode snapshot = JSON.readTree(event.json()).get("data");
    if (snapshot == null || !snapshot.isObject()) {
      return null;
    }
    ObjectNode frame = JSON.createObjectNode();
    frame.put("type", created ? CREATED : STATUS_CHANGED);
    frame.set("ocs", snapshot);
    if (!created) {
      frame.put("status", STATUS_AFTER.get(action));
      frame.put("action", action);
    }
    frame.put("eventId", event.id());
    frame.put("position", event.position().toString());
    frame.put("occurredAt", event.time().toString());
    return JSON.writeValueAsBytes(frame);
  }
}
