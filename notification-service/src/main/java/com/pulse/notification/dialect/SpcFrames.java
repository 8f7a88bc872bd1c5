package com.pulse.notification.dialect;

import com.pulse.notification.stream.StreamEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's SPC messages (seed 001, "WebSocket 메시지 형식"), built from spc-service's events:
 *
 * <pre>
 * spc.alert.raised          → {"type":"alert","alert":{id, product_code, product_name, alert_type, priority, title,
 *                               message, status, created_at},"timestamp"}
 * spc.measurement.recorded  → {"type":"measurement","measurement":{id, product_id, product_code, measurement_value,
 *                               sample_number, subgroup_number, is_within_spec, is_within_control, measured_at},
 *                               "timestamp"}
 * spc.capability.analyzed   → {"type":"capability","capability":{id, product_id, product_code, cp, cpk, pp, ppk,
 *                               analyzed_at},"timestamp"}
 * </pre>
 *
 * Anything else (acknowledged, resolved, limits frozen) the seed never sent: no frame. Which connection gets which
 * frame is the event's audience's business, never decided here.
 */
final class SpcFrames {

  static final JsonMapper JSON = JsonMapper.shared();
  /** Seconds in UTC, as the seed's examples print them ({@code 2026-01-11T12:00:00Z}). */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private SpcFrames() {}

  /** The seed's frame for an SPC event; null for anything else. */
  static byte[] frame(StreamEvent event) {
    JsonNode data;
    switch (event.type()) {
      case "spc.alert.raised", "spc.measurement.recorded", "spc.capability.analyzed" -> {
        data = JSON.readTree(event.json()).get("data");
        if (data == null || !data.isObject()) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
    ObjectNode frame = switch (event.type()) {
      case "spc.alert.raised" -> wrap("alert", alert(data));
      case "spc.measurement.recorded" -> wrap("measurement", measurement(data));
      default -> wrap("capability", capability(data));
    };
    frame.put("timestamp", timestamp(event.time()));
    return JSON.writeValueAsBytes(frame);
  }

  /** The {@code alert} object of an alert frame, from an {@code spc.alert.*} payload. */
  static ObjectNode alert(JsonNode data) {
    // set() keeps a member the event lacks as null: the seed's objects always have every member
    ObjectNode alert = JSON.createObjectNode();
    alert.set("id", data.get("id"));
    alert.set("product_code", data.get("productCode"));
    alert.set("product_name", data.get("productName"));
    alert.set("alert_type", data.get("alertType"));
    alert.set("priority", data.get("priority"));
    alert.set("title", data.get("title"));
    alert.set("message", data.get("message"));
    alert.set("status", data.get("status"));
    alert.set("created_at", data.get("createdAt"));
    return alert;
  }

  private static ObjectNode measurement(JsonNode data) {
    ObjectNode measurement = JSON.createObjectNode();
    measurement.set("id", data.get("measurementId"));
    measurement.set("product_id", data.get("productId"));
    measurement.set("product_code", data.get("productCode"));
    measurement.set("measurement_value", data.get("value"));
    measurement.set("sample_number", data.get("sampleNumber"));
    measurement.set("subgroup_number", data.get("subgroupNumber"));
    measurement.set("is_within_spec", data.get("withinSpec"));
    measurement.set("is_within_control", data.get("withinControl"));
    measurement.set("measured_at", data.get("measuredAt"));
    return measurement;
  }

  private static ObjectNode capability(JsonNode data) {
    ObjectNode capability = JSON.createObjectNode();
    capability.set("id", data.get("id"));
    capability.set("product_id", data.get("productId"));
    capability.set("product_code", data.get("productCode"));
    capability.set("cp", data.get("cp"));
    capability.set("cpk", data.get("cpk"));
    capability.set("pp", data.get("pp"));
    capability.set("ppk", data.get("ppk"));
    capability.set("analyzed_at", data.get("analyzedAt"));
    return capability;
  }

  static ObjectNode wrap(String type, ObjectNode body) {
    ObjectNode frame = JSON.createObjectNode();
    frame.put("type", type);
    frame.set(type, body);
    return frame;
  }

  static String timestamp(Instant time) {
    return TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
  }
}
