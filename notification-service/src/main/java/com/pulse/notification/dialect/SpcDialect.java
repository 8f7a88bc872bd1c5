package com.pulse.notification.dialect;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.socket.DialectRequest;
import com.pulse.notification.socket.DialectSession;
import com.pulse.notification.socket.SocketDialect;
import com.pulse.notification.stream.StreamEvent;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's SPC sockets (seed 001; PROTOCOL.md, "Seed SPC dialect"): {@code /ws/spc/notifications/} joins the
 * general quality feed ({@code spc:alerts}: alerts, values out of spec or control, capability analyses) and
 * {@code /ws/spc/product/{id}/} one product's feed ({@code spc:product:{id}}: every value). On open:
 * {@code {"type":"connection","message","timestamp"}}. Client messages: {@code subscribe_product} /
 * {@code unsubscribe_product} {@code {product_id}} join and leave a product's feed; {@code get_alerts {limit}} is
 * answered with the latest alerts this instance holds; {@code ping} → {@code pong}. Frames: {@link SpcFrames}.
 */
@Component
final class SpcDialect implements SocketDialect {

  static final String GENERAL = "/ws/spc/notifications";
  static final String PRODUCT = "/ws/spc/product/{id}";
  static final String CONNECTED = "SPC 실시간 알림에 연결되었습니다";
  private static final String ALERTS = "spc:alerts";
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final int MAX_ALERTS = 100;

  private final ChannelCatalog catalog;
  private final EventEncoding frames = SpcFrames::frame;

  SpcDialect(ChannelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<String> paths() {
    return List.of(GENERAL, PRODUCT);
  }

  @Override
  public EventEncoding events() {
    return frames;
  }

  /** Only those the catalog lets into the feed the path names; a product id must be a number. */
  @Override
  public String refusal(Caller caller, DialectRequest request) {
    String channel = ALERTS;
    if (request.pathParameter() != null) {
      if (!ID.matcher(request.pathParameter()).matches()) {
        return "a product id is a positive number, got '" + shortened(request.pathParameter()) + "'";
      }
      channel = product(request.pathParameter());
    }
    return catalog.maySubscribe(caller, channel) ? null
        : "SPC feeds are for QUALITY, OPERATOR, ADMIN and SYSTEMMANAGER users";
  }

  @Override
  public void opened(DialectSession session) {
    String id = session.request().pathParameter();
    session.join(id == null ? ALERTS : product(id));
    ObjectNode hello = SpcFrames.JSON.createObjectNode();
    hello.put("type", "connection");
    hello.put("message", id == null ? CONNECTED : CONNECTED + " (product " + id + ")");
    hello.put("timestamp", SpcFrames.timestamp(Instant.now()));
    session.send(SpcFrames.JSON.writeValueAsBytes(hello));
  }

  @Override
  public void received(DialectSession session, JsonNode frame) {
    JsonNode type = frame.get("type");
    if (type == null || !type.isString()) {
      session.error("BAD_FRAME", "a message needs a string \"type\"");
      return;
    }
    switch (type.asString()) {
      case "subscribe_product", "unsubscribe_product" -> subscription(session, frame, type.asString());
      case "get_alerts" -> latestAlerts(session, frame);
      case "ping" -> pong(session, frame.get("ref"));
      default -> session.error("UNKNOWN_TYPE", "unknown type '" + shortened(type.asString())
          + "'; known: subscribe_product, unsubscribe_product, get_alerts, ping");
    }
  }

  private static void subscription(DialectSession session, JsonNode frame, String type) {
    JsonNode id = frame.get("product_id");
    if (id == null || !id.canConvertToLong() || !ID.matcher(id.asString()).matches()) {
      session.error("BAD_FRAME", "\"product_id\" must be a positive integer");
      return;
    }
    String channel = product(id.asString());
    boolean subscribing = type.equals("subscribe_product");
    if (subscribing && !session.join(channel)) {
      session.error("FORBIDDEN", "you may not follow product " + id.asString());
      return;
    }
    if (!subscribing) {
      session.leave(channel);
    }
    ObjectNode reply = SpcFrames.JSON.createObjectNode();
    reply.put("type", subscribing ? "subscribed" : "unsubscribed");
    reply.set("product_id", id);
    session.send(SpcFrames.JSON.writeValueAsBytes(reply));
  }

  /** {@code {"type":"alerts","alerts":[…newest first],"timestamp"}}: the alerts raised lately, as this instance saw them. */
  private static void latestAlerts(DialectSession session, JsonNode frame) {
    JsonNode limitNode = frame.get("limit");
    int limit = 10;
    if (limitNode != null && !limitNode.isNull()) {
      if (!limitNode.canConvertToInt() || !limitNode.isIntegralNumber() || limitNode.asInt() < 1) {
        session.error("BAD_FRAME", "\"limit\" must be an integer from 1 to " + MAX_ALERTS);
        return;
      }
      limit = Math.min(limitNode.asInt(), MAX_ALERTS);
    }
    ArrayNode alerts = SpcFrames.JSON.createArrayNode();
    List<StreamEvent> recent = session.recent(ALERTS, MAX_ALERTS * 4);
    for (int i = recent.size() - 1; i >= 0 && alerts.size() < limit; i--) {
      StreamEvent event = recent.get(i);
      if (event.type().equals("spc.alert.raised")) {
        JsonNode data = SpcFrames.JSON.readTree(event.json()).get("data");
        if (data != null && data.isObject()) {
          alerts.add(SpcFrames.alert(data));
        }
      }
    }
    ObjectNode reply = SpcFrames.JSON.createObjectNode();
    reply.put("type", "alerts");
    reply.set("alerts", alerts);
    reply.put("timestamp", SpcFrames.timestamp(Instant.now()));
    session.send(SpcFrames.JSON.writeValueAsBytes(reply));
  }

  /** {@code pong}, echoing the client's {@code ref} as {@code /ws} does. */
  private static void pong(DialectSession session, JsonNode ref) {
    ObjectNode pong = SpcFrames.JSON.createObjectNode().put("type", "pong");
    if (ref != null && (ref.isString() || ref.isNumber())) {
      pong.set("ref", ref);
    }
    session.send(SpcFrames.JSON.writeValueAsBytes(pong));
  }

  private static String product(String id) {
    return "spc:product:" + id;
  }

  private static String shortened(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
