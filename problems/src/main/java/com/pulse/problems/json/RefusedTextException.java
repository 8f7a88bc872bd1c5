package com.pulse.problems.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string the service will not take, with the reason in the client's terms; Jackson adds the field's path on
 * its way out, so the problem can name it.
 */
public final class RefusedTextException extends MismatchedInputException {

  private final String reason;

  RefusedTextException(JsonParser parser, String reason) {
    super(parser, "refused text: " + reason, String.class);
    this.reason = reason;
  }

  /** What is wrong, after the field's name: {@code must not contain control characters (found U+0000; ...)}. */
  public String reason() {
    return reason;
  }
}
