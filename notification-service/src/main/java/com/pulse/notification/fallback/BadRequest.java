package com.pulse.notification.fallback;

import com.pulse.problems.InvalidFieldsException;
import com.pulse.problems.Problems;
import org.springframework.web.ErrorResponseException;

/** The fallbacks' refusals, as the shared problems word them: a field named, or a channel that is not the caller's. */
final class BadRequest {

  private BadRequest() {}

  static ErrorResponseException field(String field, String message) {
    return new InvalidFieldsException(field, message);
  }

  static ErrorResponseException forbidden(String channel) {
    return Problems.forbidden("You may not read channel " + channel + ".");
  }
}
