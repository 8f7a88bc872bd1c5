package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.Dispatcher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code history {channel, limit?}} → {@code history}: the channel's last events held in memory (at most
 * {@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT}), oldest first. Same authorization as {@code subscribe}.
 */
@Component
final class HistoryCommand implements ClientCommand {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final ChannelCatalog catalog;
  private final Dispatcher dispatcher;
  private final ServerFrames frames;

  HistoryCommand(ChannelCatalog catalog, Dispatcher dispatcher, ServerFrames frames) {
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.frames = frames;
  }

  @Override
  public String type() {
    return "history";
  }

  @Override
  public void handle(Connection connection, JsonNode frame, JsonNode ref) {
    String channel = Fields.channel(catalog, connection, frames, frame, ref);
    if (channel == null) {
      return;
    }
    JsonNode limitNode = frame.get("limit");
    int limit = DEFAULT_LIMIT;
    if (limitNode != null && !limitNode.isNull()) {
      if (!limitNode.isInt() || limitNode.asInt() < 1 || limitNode.asInt() > MAX_LIMIT) {
        connection.send(frames.error(ServerFrames.BAD_REQUEST,
            "\"limit\" must be an integer from 1 to " + MAX_LIMIT, ref));
        return;
      }
      limit = limitNode.asInt();
    }
    if (!catalog.maySubscribe(connection.caller(), channel)) {
      connection.send(frames.error(ServerFrames.FORBIDDEN, "you may not read " + channel, ref));
      return;
    }
    connection.send(frames.history(channel, dispatcher.history(channel, limit), ref));
  }
}
