package com.pulse.notification.socket;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.Arrival;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.PositionRefused;
import com.pulse.notification.stream.StreamPosition;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code subscribe {channel, since?}}: checks the name, then the caller's right to it, then joins. With {@code since}
 * the missed events come first, then {@code subscribed} says whether the gap was filled ({@code recovered}) and where
 * the client now stands in the channel ({@code position}).
 */
@Component
final class SubscribeCommand implements ClientCommand {

  /** Channels one connection may be in at once: a guard against a client subscribing to every id it can make up. */
  static final int MAX_CHANNELS = 128;

  private final ChannelCatalog catalog;
  private final Dispatcher dispatcher;
  private final ServerFrames frames;

  SubscribeCommand(ChannelCatalog catalog, Dispatcher dispatcher, ServerFrames frames) {
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.frames = frames;
  }

  @Override
  public String type() {
    return "subscribe";
  }

  @Override
  public void handle(Connection connection, JsonNode frame, JsonNode ref) {
    String channel = Fields.channel(catalog, connection, frames, frame, ref);
    if (channel == null) {
      return;
    }
    StreamPosition since = null;
    JsonNode sinceNode = frame.get("since");
    if (sinceNode != null && !sinceNode.isNull()) {
      try {
        since = StreamPosition.parse(sinceNode.isString() ? sinceNode.asString() : null);
      } catch (IllegalArgumentException e) {
        connection.send(frames.error(ServerFrames.BAD_REQUEST,
            "\"since\" must be a position given by this service (\"<topic>:<partition>:<offset>,…\")", ref));
        return;
      }
    }
    if (!catalog.maySubscribe(connection.caller(), channel)) {
      connection.send(frames.error(ServerFrames.FORBIDDEN, "you may not subscribe to " + channel, ref));
      return;
    }
    if (!connection.channels().contains(channel) && connection.channels().size() >= MAX_CHANNELS) {
      connection.send(frames.error(ServerFrames.TOO_MANY_SUBSCRIPTIONS,
          "a connection may be in at most " + MAX_CHANNELS + " channels", ref));
      return;
    }
    connection.joined(List.of(channel));
    try {
      dispatcher.join(connection, List.of(channel), since, new Arrival() {
        @Override
        public void joined(Dispatcher.Subscription subscription) {
          connection.send(frames.subscribed(subscription, ref));
        }
      });
    } catch (PositionRefused refused) {
      // nothing was joined: a partial or foreign position is never read as "from the beginning"
      connection.left(channel);
      connection.send(frames.error(ServerFrames.BAD_REQUEST, "\"since\": " + refused.getMessage(), ref));
      return;
    }
    if (connection.closing()) {
      // closed meanwhile: its cleanup may have run before this join
      dispatcher.leave(connection, channel);
    }
  }
}
