package com.pulse.notification.dialect;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.socket.DialectSession;
import com.pulse.notification.socket.SocketDialect;
import com.pulse.notification.stream.StreamEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/ocs}: the seed's OCS socket, shaped for its {@code ocsSocket.ts}, which dispatches on {@code type} to its
 * {@code onCreated} / {@code onStatusChanged} callbacks (seed 000; PROTOCOL.md, "Seed OCS dialect"):
 *
 * <pre>
 * ocs.order.created             → {"type":"OCS_CREATED","ocs":{…},"eventId","position","occurredAt"}
 * ocs.order.* that moved status → {"type":"OCS_STATUS_CHANGED","ocs":{…},"status","previousStatus","action",…}
 * </pre>
 *
 * {@code ocs} is the order snapshot exactly as the event's {@code data} carries it; {@code status} and
 * {@code previousStatus} are the snapshot's own, and an event is a status change when they differ, so no copy of the
 * order lifecycle lives here. On open the caller
 * joins the {@code ocs} channels the catalog joins for their role (seed 000's consumer groups); nothing is sent on
 * open, and the only command is {@code ping}. No recovery ({@code /ws} has it).
 */
@Component
final class OcsDialect implements SocketDialect {

  static final String CREATED = "OCS_CREATED";
  static final String STATUS_CHANGED = "OCS_STATUS_CHANGED";

  private static final String PREFIX = "ocs.order.";
  private static final JsonMapper JSON = JsonMapper.shared();

  private final ChannelCatalog catalog;
  private final EventEncoding frames = OcsDialect::frame;

  OcsDialect(ChannelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<String> paths() {
    return List.of("/ws/ocs");
  }

  @Override
  public EventEncoding events() {
    return frames;
  }

  @Override
  public void opened(DialectSession session) {
    catalog.autoJoin(session.caller()).stream()
        .filter(channel -> ChannelCatalog.namespace(channel).equals("ocs"))
        .forEach(session::join);
    if (session.request().query("since") != null) {
      session.error("BAD_REQUEST",
          "/ws/ocs has no recovery: \"since\" was ignored and the connection is live only; use /ws to recover");
    }
  }

  /** {@code ping} → {@code pong}, echoing the client's {@code ref} as {@code /ws} does; nothing else is a command. */
  @Override
  public void received(DialectSession session, JsonNode frame) {
    JsonNode ref = frame.get("ref");
    JsonNode type = frame.get("type");
    ObjectNode reply = JSON.createObjectNode();
    if (type == null || !type.isString()) {
      reply.put("type", "error").put("code", "BAD_FRAME").put("message", "a frame needs a string \"type\"");
    } else if (type.asString().equals("ping")) {
      reply.put("type", "pong");
    } else {
      String name = type.asString();
      reply.put("type", "error").put("code", "UNKNOWN_TYPE").put("message",
          "unknown type '" + (name.length() <= 64 ? name : name.substring(0, 64) + "…") + "'; known: ping");
    }
    if (ref != null && (ref.isString() || ref.isNumber())) {
      reply.set("ref", ref);
    }
    session.send(JSON.writeValueAsBytes(reply));
  }

  /** The seed's frame for an order event; null for anything else. */
  static byte[] frame(StreamEvent event) {
    if (!event.type().startsWith(PREFIX)) {
      return null;
    }
    JsonNode snapshot = JSON.readTree(event.json()).get("data");
    if (snapshot == null || !snapshot.isObject()) {
      return null;
    }
    String action = event.type().substring(PREFIX.length());
    boolean created = action.equals("created");
    if (!created && !movedStatus(snapshot)) {
      return null;
    }
    ObjectNode frame = JSON.createObjectNode();
    frame.put("type", created ? CREATED : STATUS_CHANGED);
    frame.set("ocs", snapshot);
    if (!created) {
      frame.set("status", snapshot.get("status"));
      frame.set("previousStatus", snapshot.get("previousStatus"));
      frame.put("action", action);
    }
    frame.put("eventId", event.id());
    frame.put("position", event.position().toString());
    frame.put("occurredAt", event.time().toString());
    return JSON.writeValueAsBytes(frame);
  }

  private static boolean movedStatus(JsonNode snapshot) {
    JsonNode status = snapshot.get("status");
    JsonNode previous = snapshot.get("previousStatus");
    return status != null && status.isString() && previous != null && previous.isString() && !previous.equals(status);
  }
}
