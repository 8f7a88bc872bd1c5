package com.pulse.vote.poll;

import com.pulse.problems.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 answers of the vote API when a request cannot be carried out; nothing has changed when they go. */
final class PollProblems {

  private PollProblems() {}

  static ErrorResponseException notFound(long id) {
    return problem(HttpStatus.NOT_FOUND, "Poll not found", "No poll " + id + ".");
  }

  /** 403, answered by the platform's handler like every other role check. */
  static AccessDeniedException forbidden(String detail) {
    return new AccessDeniedException(detail);
  }

  /** 409: the poll is closed (or past its closing time). */
  static ErrorResponseException closed(Poll poll) {
    ErrorResponseException e = problem(HttpStatus.CONFLICT, "Poll closed",
        "Poll " + poll.id() + " is closed: ballots can no longer be cast, changed or retracted.");
    e.getBody().setProperty("pollId", poll.id());
    e.getBody().setProperty("status", PollStatus.CLOSED);
    return e;
  }

  /** 409: closing a poll that is already closed. */
  static ErrorResponseException alreadyClosed(Poll poll) {
    ErrorResponseException e = problem(HttpStatus.CONFLICT, "Poll closed",
        "Poll " + poll.id() + " is already closed (at " + poll.closedAt() + ").");
    e.getBody().setProperty("pollId", poll.id());
    return e;
  }

  /** 400 naming the offending field. */
  static ErrorResponseException invalid(String field, String message) {
    ErrorResponseException e = problem(HttpStatus.BAD_REQUEST, "Invalid request", "'" + field + "' " + message);
    e.getBody().setProperty("errors", List.of(new FieldProblem(field, message)));
    return e;
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
