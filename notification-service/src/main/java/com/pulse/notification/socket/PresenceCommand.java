package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.Presence;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code presence {channel}} → {@code {"type":"presence","channel","clients","users"}}, counted across instances;
 * for channels whose catalog entry allows presence, and only for a caller who may subscribe to the channel.
 */
@Component
final class PresenceCommand implements ClientCommand {

  private final ChannelCatalog catalog;
  private final Presence presence;
  private final ServerFrames frames;

  PresenceCommand(ChannelCatalog catalog, Presence presence, ServerFrames frames) {
    this.catalog = catalog;
    this.presence = presence;
    this.frames = frames;
  }

  @Override
  public String type() {
    return "presence";
  }

  @Override
  public void handle(Connection connection, JsonNode frame, JsonNode ref) {
    String channel = Fields.channel(catalog, connection, frames, frame, ref);
    if (channel == null) {
      return;
    }
    if (!catalog.allowsPresence(channel)) {
      connection.send(frames.error(ServerFrames.BAD_REQUEST, "channel " + channel + " has no presence", ref));
      return;
    }
    if (!catalog.maySubscribe(connection.caller(), channel)) {
      connection.send(frames.error(ServerFrames.FORBIDDEN, "you may not subscribe to " + channel, ref));
      return;
    }
    connection.send(frames.presence(presence.count(channel), ref));
  }
}
