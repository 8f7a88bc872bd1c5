package com.pulse.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 written as RFC 9457 problem details, with the {@code WWW-Authenticate} challenge for 401. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
      AuthenticationException failure) throws IOException {
    boolean tokenPresent = request.getHeader("Authorization") != null;
    response.setHeader("WWW-Authenticate", tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer");
    write(response, HttpStatus.UNAUTHORIZED, tokenPresent
        ? "The access token is invalid or expired."
        : "An access token is required: send 'Authorization: Bearer <token>'.", request.getRequestURI());
  }

  @Override
  public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException denied) throws IOException {
    write(response, HttpStatus.FORBIDDEN, "Your role does not allow this.", request.getRequestURI());
  }

  private void write(HttpServletResponse response, HttpStatus status, String detail, String path)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(java.net.URI.create(path));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
