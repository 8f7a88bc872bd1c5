package com.pulse.notification.fallback;

import com.pulse.problems.InvalidFieldsException;
import com.pulse.problems.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The fallbacks' refusals, as the shared problems word them: a field named, or a channel that is not the caller's. */
final class BadRequest {

  private BadRequest() {}

  static ErrorResponseException field(String field, String message) {
    return new InvalidFieldsException(field, message);
  }

  /** 429 with {@code Retry-After}: the caller holds as many streams and sockets as allowed (or the instance does). */
  static ErrorResponseException tooManyConnections(String limit, Duration retryAfter) {
    ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "The " + limit
            + " connection limit (WebSocket and SSE together) is reached; retry after " + retryAfter.toSeconds()
            + " s."), null);
    refused.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    return refused;
  }

  static ErrorResponseException forbidden(String channel) {
    return Problems.forbidden("You may not read channel " + channel + ".");
  }
}
