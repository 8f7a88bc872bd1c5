package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.Dispatcher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code unsubscribe {channel}} → {@code unsubscribed}; no more events of that channel (unless another matches). */
@Component
final class UnsubscribeCommand implements ClientCommand {

  private final ChannelCatalog catalog;
  private final Dispatcher dispatcher;
  private final ServerFrames frames;

  UnsubscribeCommand(ChannelCatalog catalog, Dispatcher dispatcher, ServerFrames frames) {
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.frames = frames;
  }

  @Override
  public String type() {
    return "unsubscribe";
  }

  @Override
  public void handle(Connection connection, JsonNode frame, JsonNode ref) {
    String channel = Fields.channel(catalog, connection, frames, frame, ref);
    if (channel == null) {
      return;
    }
    if (!dispatcher.leave(connection, channel)) {
      connection.send(frames.error(ServerFrames.NOT_SUBSCRIBED, "not subscribed to " + channel, ref));
      return;
    }
    connection.left(channel);
    connection.send(frames.unsubscribed(channel, ref));
  }
}
