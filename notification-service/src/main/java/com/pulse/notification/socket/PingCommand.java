package com.pulse.notification.socket;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code ping} → {@code pong}: lets a browser, which cannot see WebSocket ping frames, check the server is there.
 */
@Component
final class PingCommand implements ClientCommand {

  private final ServerFrames frames;

  PingCommand(ServerFrames frames) {
    this.frames = frames;
  }

  @Override
  public String type() {
    return "ping";
  }

  @Override
  public void handle(Connection connection, JsonNode frame, JsonNode ref) {
    connection.send(frames.pong(ref));
  }
}
