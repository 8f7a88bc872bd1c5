package com.pulse.problems.servlet;

import com.pulse.problems.FieldProblem;
import com.pulse.problems.Problems;
import com.pulse.problems.RequestTargets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose path or query parameters hold control characters, unpaired surrogates or broken
 * percent-encoding: 400 naming each parameter, before Spring binds anything or a query reaches the database. Reads
 * the raw query string, never the parameter map (that would parse a form or multipart body).
 */
public final class QueryStringFilter extends OncePerRequestFilter {

  private final ServletProblems problems;

  public QueryStringFilter(ServletProblems problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<FieldProblem> refused = new ArrayList<>();
    RequestTargets.pathProblem(request.getRequestURI()).ifPresent(refused::add);
    refused.addAll(RequestTargets.queryProblems(request.getQueryString()));
    if (refused.isEmpty()) {
      chain.doFilter(request, response);
    } else {
      problems.write(request, response, Problems.invalid(refused));
    }
  }
}
