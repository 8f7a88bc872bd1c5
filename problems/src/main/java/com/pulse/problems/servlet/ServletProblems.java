package com.pulse.problems.servlet;

import com.pulse.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to a servlet response, for code that runs outside controllers: security filters,
 * request filters, the error page. Same JSON as a controller's {@code ProblemDetail}, {@code instance} the path.
 */
public final class ServletProblems {

  private final JsonMapper json;

  public ServletProblems(JsonMapper json) {
    this.json = json;
  }

  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String detail)
      throws IOException {
    write(request, response, Problems.of(status, detail));
  }

  public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (problem.getInstance() == null) {
      problem.setInstance(instance(request.getRequestURI()));
    }
    response.resetBuffer();
    response.setStatus(problem.getStatus());
    // bytes, UTF-8 as JSON always is: no charset parameter, the same header a controller's problem gets
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The request path as a problem's {@code instance}, or none when the path is not a valid URI. */
  private static URI instance(String path) {
    try {
      return path == null ? null : URI.create(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
