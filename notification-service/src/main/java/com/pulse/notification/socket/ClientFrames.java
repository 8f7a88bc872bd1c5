package com.pulse.notification.socket;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads client frames and hands each to its {@link ClientCommand}. A frame that is not a JSON object with a known
 * string {@code type} gets an {@code error} frame and changes nothing; the connection stays open.
 */
@Component
final class ClientFrames {

  private final Map<String, ClientCommand> commands;
  private final ServerFrames frames;
  private final JsonMapper json;
  private final String known;

  ClientFrames(List<ClientCommand> commands, ServerFrames frames, JsonMapper json) {
    this.commands = commands.stream()
        .collect(Collectors.toMap(ClientCommand::type, Function.identity(), (a, b) -> {
          throw new IllegalStateException("two commands for type " + a.type());
        }, TreeMap::new));
    this.frames = frames;
    this.json = json;
    this.known = String.join(", ", this.commands.keySet());
  }

  void handle(Connection connection, WebSocketMessage message) {
    connection.touch();
    if (message.getType() == WebSocketMessage.Type.TEXT || message.getType() == WebSocketMessage.Type.BINARY) {
      if (!allowed(connection)) {
        return;
      }
    }
    switch (message.getType()) {
      case TEXT -> text(connection, message.getPayloadAsText());
      case BINARY -> reject(connection, ServerFrames.BAD_FRAME, "frames are JSON text, not binary", null);
      case PING, PONG -> {
        // liveness only: touch() above is all they are for
      }
    }
  }

  private void text(Connection connection, String text) {
    JsonNode frame;
    try {
      frame = json.readTree(text);
    } catch (JacksonException e) {
      reject(connection, ServerFrames.BAD_FRAME, "not JSON: " + e.getOriginalMessage(), null);
      return;
    }
    if (frame == null || !frame.isObject()) {
      reject(connection, ServerFrames.BAD_FRAME, "a frame is a JSON object with a \"type\"", null);
      return;
    }
    JsonNode ref = frame.get("ref");
    if (ref != null && !(ref.isString() || ref.isNumber())) {
      ref = null;
    }
    JsonNode type = frame.get("type");
    if (type == null || !type.isString()) {
      reject(connection, ServerFrames.BAD_FRAME, "a frame needs a string \"type\"", ref);
      return;
    }
    ClientCommand command = commands.get(type.asString());
    if (command == null) {
      reject(connection, ServerFrames.UNKNOWN_TYPE, "unknown type '" + abbreviate(type.asString()) + "'; known: "
          + known, ref);
      return;
    }
    command.handle(connection, frame, ref);
  }

  /** The rate limit: a frame over it gets {@code RATE_LIMITED}; a client that keeps going is closed with 4029. */
  private boolean allowed(Connection connection) {
    RateLimit limit = connection.rateLimit();
    RateLimit.Verdict verdict = limit == null ? RateLimit.Verdict.ALLOWED : limit.take();
    if (verdict == RateLimit.Verdict.FLOOD) {
      connection.close(CloseCodes.FLOOD, "flood");
      return false;
    }
    if (verdict == RateLimit.Verdict.REFUSED) {
      reject(connection, ServerFrames.RATE_LIMITED, "too many frames: slow down (the frame was ignored)", null);
      return false;
    }
    return true;
  }

  /** Echoes at most 64 characters of what the client sent. */
  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }

  private void reject(Connection connection, String code, String message, JsonNode ref) {
    connection.send(frames.error(code, message, ref));
  }
}
