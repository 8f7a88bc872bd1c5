package com.pulse.notification.socket;

import tools.jackson.databind.JsonNode;

/**
 * What the server does with one type of client frame. Each command is a bean; adding one ({@code subscribe},
 * {@code unsubscribe}, {@code history}, {@code refresh}) needs no change to the frame parsing.
 */
interface ClientCommand {

  /** The frame {@code type} this command answers, e.g. {@code ping}. */
  String type();

  /**
   * Handles one frame; runs on the connection's I/O thread, so it must not block.
   *
   * @param frame the whole frame (a JSON object with a string {@code type})
   * @param ref the client's {@code ref} (string or number) to echo in the reply, or null
   */
  void handle(Connection connection, JsonNode frame, JsonNode ref);
}
