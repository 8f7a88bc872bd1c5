package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import tools.jackson.databind.JsonNode;

/** Reading the members client frames share; a bad one gets its {@code error} frame here and null back. */
final class Fields {

  private Fields() {}

  /** The frame's {@code channel}: a string naming a channel this service knows. */
  static String channel(ChannelCatalog catalog, Connection connection, ServerFrames frames, JsonNode frame,
      JsonNode ref) {
    JsonNode channel = frame.get("channel");
    if (channel == null || !channel.isString()) {
      connection.send(frames.error(ServerFrames.BAD_REQUEST, "\"" + frame.path("type").asString()
          + "\" needs a string \"channel\"", ref));
      return null;
    }
    String name = channel.asString();
    if (!catalog.isKnown(name)) {
      connection.send(frames.error(ServerFrames.UNKNOWN_CHANNEL, "no such channel: '"
          + ClientFrames.abbreviate(name) + "'", ref));
      return null;
    }
    return name;
  }
}
