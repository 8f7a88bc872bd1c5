package com.pulse.gateway.web;

import com.pulse.problems.reactive.ReactiveProblems;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared reactive problem writer ({@link ReactiveProblems}) under the name the gateway's filters (limits,
 * WebSocket origin check, security) take it by: an RFC 9457 problem written straight to the response, for code that
 * runs outside annotated controllers.
 */
public final class ProblemWriter extends ReactiveProblems {

  public ProblemWriter(JsonMapper json) {
    super(json);
  }
}
