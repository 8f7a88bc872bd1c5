package com.pulse.platform.web;

import com.pulse.problems.StandardDetails;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report as a problem: what Tomcat answers itself, before or without the servlet's error page — a
 * request line or path it refuses to parse, headers it finds too large — would otherwise be its HTML page.
 * Installed on the host in place of Tomcat's own report valve ({@link TomcatProblems}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
      // Tomcat's answer to a method it will not serve (CONNECT): the client's mistake, no endpoint takes it
      status = HttpStatus.METHOD_NOT_ALLOWED.value();
      response.setStatus(status);
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(JSON.writeValueAsString(problem(status)));
      }
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot take a body; nothing more to say
    }
  }

  /** The same fields as a {@code ProblemDetail}; no {@code instance}: the path is often what was refused. */
  static Map<String, Object> problem(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known != null ? known.getReasonPhrase() : "Error " + status);
    problem.put("status", status);
    problem.put("detail", StandardDetails.forStatus(status));
    return problem;
  }
}
