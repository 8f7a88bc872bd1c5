package com.pulse.platform.web;

import com.pulse.problems.Problems;
import com.pulse.problems.StandardDetails;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet error page as a problem, in place of Boot's whitelabel page and its {@code {"status":999}} for a
 * direct {@code GET /error}. Reached when Tomcat or a filter ends a request with an error status (a path Spring
 * Security's firewall refused, a method Tomcat does not allow) or an exception escaped a filter.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // no error behind the request: someone asked for /error itself, which is no endpoint
    int status = code instanceof Integer number && number >= 400 ? number : HttpStatus.NOT_FOUND.value();
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && status >= 500) {
      log.error("{} {} failed", request.getMethod(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          failure);
    }
    ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), StandardDetails.forStatus(status));
    Object path = code == null ? request.getRequestURI() : request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path instanceof String text) {
      try {
        problem.setInstance(URI.create(text));
      } catch (IllegalArgumentException e) {
        // a path that is not a URI is what got it refused; no instance then
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
