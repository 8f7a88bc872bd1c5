package com.pulse.notification.dialect;

import com.pulse.notification.stream.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's vote messages, built from {@code vote.poll.*} events (shapes in PROTOCOL.md, "Seed vote dialect"). A
 * tally without counts (results not yet visible to everyone) gives {@code vote_update} with null counts and no
 * per-option frames: the socket never shows what REST would hide.
 */
final class VoteFrames {

  private static final JsonMapper JSON = JsonMapper.shared();

  private VoteFrames() {}

  /**
   * {@code {"type":"vote_update","event":"tallied|poll_opened|poll_closed","data":{"poll_id",…},"timestamp"}}; null
   * for other events.
   */
  static byte[] update(StreamEvent event) {
    JsonNode data = data(event);
    if (data == null) {
      return null;
    }
    ObjectNode out = JSON.createObjectNode().put("poll_id", data.path("pollId").asLong())
        .put("kind", data.path("kind").asString()).put("status", data.path("status").asString())
        .put("version", data.path("version").asLong());
    String what;
    switch (event.type()) {
      case "vote.poll.tallied" -> {
        what = "tallied";
        out.put("total_voters", data.path("totalVoters").asInt());
        out.put("results_visible", data.path("resultsVisible").asBoolean());
        ArrayNode options = out.putArray("options");
        for (JsonNode option : data.path("options")) {
          ObjectNode o = options.addObject().put("option_id", option.path("optionId").asLong())
              .put("label", option.path("label").asString());
          o.set("vote_count", option.path("votes").isNumber() ? option.get("votes") : JSON.nullNode());
        }
      }
      case "vote.poll.opened", "vote.poll.closed" -> {
        what = event.type().equals("vote.poll.opened") ? "poll_opened" : "poll_closed";
        out.put("title", data.path("title").asString());
      }
      default -> {
        return null;
      }
    }
    ObjectNode frame = JSON.createObjectNode().put("type", "vote_update").put("event", what);
    frame.set("data", out);
    frame.put("timestamp", event.time().toString());
    return JSON.writeValueAsBytes(frame);
  }

  /**
   * For a visible tally of a PLACE or MENU poll, one frame per option: {@code {"type":"place_vote","data":{"poll_id",
   * "place_id","place_name","vote_count","total_voters"},"timestamp"}} (MENU: {@code menu_vote}, {@code menu_id},
   * {@code menu_name}); none otherwise.
   */
  static List<byte[]> perOption(StreamEvent event) {
    if (!event.type().equals("vote.poll.tallied")) {
      return List.of();
    }
    JsonNode data = data(event);
    if (data == null || !data.path("resultsVisible").asBoolean()) {
      return List.of();
    }
    String kind = data.path("kind").asString();
    String prefix = switch (kind) {
      case "PLACE" -> "place";
      case "MENU" -> "menu";
      default -> null;
    };
    if (prefix == null) {
      return List.of();
    }
    List<byte[]> frames = new ArrayList<>();
    for (JsonNode option : data.path("options")) {
      ObjectNode fields = JSON.createObjectNode().put("poll_id", data.path("pollId").asLong())
          .put(prefix + "_id", option.path("optionId").asLong())
          .put(prefix + "_name", option.path("label").asString())
          .put("vote_count", option.path("votes").asInt())
          .put("total_voters", data.path("totalVoters").asInt())
          .put("version", data.path("version").asLong());
      ObjectNode frame = JSON.createObjectNode().put("type", prefix + "_vote");
      frame.set("data", fields);
      frame.put("timestamp", event.time().toString());
      frames.add(JSON.writeValueAsBytes(frame));
    }
    return frames;
  }

  private static JsonNode data(StreamEvent event) {
    if (!event.type().startsWith("vote.poll.")) {
      return null;
    }
    JsonNode data = JSON.readTree(event.json()).get("data");
    return data != null && data.isObject() ? data : null;
  }
}
