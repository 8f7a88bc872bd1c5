package com.pulse.platform.security;

import com.pulse.problems.ProblemTexts;
import com.pulse.problems.servlet.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401, 403 and the firewall's refusals as RFC 9457 problem details, worded as everywhere in Pulse; 401 carries the
 * RFC 6750 {@code WWW-Authenticate} challenge.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  private final ServletProblems problems;

  ProblemResponses(ServletProblems problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean tokenPresent = request.getHeader("Authorization") != null;
    response.setHeader("WWW-Authenticate", tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer");
    problems.write(request, response, HttpStatus.UNAUTHORIZED,
        tokenPresent ? ProblemTexts.TOKEN_INVALID : ProblemTexts.TOKEN_REQUIRED);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    problems.write(request, response, HttpStatus.FORBIDDEN, ProblemTexts.FORBIDDEN);
  }

  /** A path with {@code ..}, {@code //}, {@code ;}, encoded separators or control characters, or an odd method. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemTexts.REJECTED_REQUEST);
  }
}
