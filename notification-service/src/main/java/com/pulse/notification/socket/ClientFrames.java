package com.pulse.notification.socket;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code /ws} client frames and hands each to its {@link ClientCommand}. A frame that is not a JSON object with
 * a known string {@code type} gets an {@code error} frame and changes nothing; the connection stays open.
 */
@Component
final class ClientFrames implements Inbound {

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

  @Override
  public void text(Connection connection, String text) {
    JsonNode frame;
    try {
      frame = json.readTree(text);
    } catch (JacksonException e) {
      refused(connection, ServerFrames.BAD_FRAME, notJson(e));
      return;
    }
    if (frame == null || !frame.isObject()) {
      refused(connection, ServerFrames.BAD_FRAME, "a frame is a JSON object with a \"type\"");
      return;
    }
    JsonNode ref = frame.get("ref");
    if (ref != null && !(ref.isString() || ref.isNumber())) {
      ref = null;
    }
    JsonNode type = frame.get("type");
    if (type == null || !type.isString()) {
      connection.send(frames.error(ServerFrames.BAD_FRAME, "a frame needs a string \"type\"", ref));
      return;
    }
    ClientCommand command = commands.get(type.asString());
    if (command == null) {
      connection.send(frames.error(ServerFrames.UNKNOWN_TYPE, "unknown type '" + abbreviate(type.asString())
          + "'; known: " + known, ref));
      return;
    }
    command.handle(connection, frame, ref);
  }

  @Override
  public void refused(Connection connection, String code, String message) {
    connection.send(frames.error(code, message, null));
  }

  /** Where the text stops being JSON, in the client's terms (never the parser's internals). */
  static String notJson(JacksonException e) {
    return e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? "not JSON"
        : "not JSON (at character " + e.getLocation().getColumnNr() + ")";
  }

  /** Echoes at most 64 characters of what the client sent. */
  static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
