package com.pulse.notification.socket;

import com.pulse.problems.ProblemTexts;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handshake answered with an RFC 9457 problem instead of an upgrade, in the same shape as the service's REST
 * problems: {@code title}, {@code status}, {@code detail}, {@code instance}.
 *
 * @param challenge the {@code WWW-Authenticate} header, or null
 * @param retryAfter the {@code Retry-After} header, or null
 */
record HandshakeRefusal(HttpResponseStatus status, String challenge, String detail, String instance,
    Duration retryAfter) {

  HandshakeRefusal(HttpResponseStatus status, String challenge, String detail, String instance) {
    this(status, challenge, detail, instance, null);
  }

  static HandshakeRefusal tokenRequired(String instance) {
    return new HandshakeRefusal(HttpResponseStatus.UNAUTHORIZED, "Bearer", ProblemTexts.TOKEN_REQUIRED_OR_QUERY,
        instance);
  }

  static HandshakeRefusal tokenInvalid(String instance) {
    return new HandshakeRefusal(HttpResponseStatus.UNAUTHORIZED, "Bearer error=\"invalid_token\"",
        ProblemTexts.TOKEN_INVALID,
        instance);
  }

  Mono<Void> write(HttpServerResponse response, JsonMapper json) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("title", status.reasonPhrase());
    problem.put("status", status.code());
    problem.put("detail", detail);
    problem.put("instance", instance);
    response.status(status).header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
    if (challenge != null) {
      response.header(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
    }
    if (retryAfter != null) {
      response.header(HttpHeaderNames.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
    }
    return response.sendByteArray(Mono.just(json.writeValueAsBytes(problem))).then();
  }

  /** Carries the refusal through a reactive chain. */
  static final class Refused extends RuntimeException {

    private final transient HandshakeRefusal refusal;

    Refused(HandshakeRefusal refusal) {
      super(refusal.detail(), null, false, false);
      this.refusal = refusal;
    }

    HandshakeRefusal refusal() {
      return refusal;
    }
  }
}
