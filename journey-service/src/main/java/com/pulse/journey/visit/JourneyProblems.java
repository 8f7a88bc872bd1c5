package com.pulse.journey.visit;

import com.pulse.journey.state.Decision;
import com.pulse.problems.InvalidFieldsException;
import com.pulse.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 answers of the journey API; nothing has changed when one goes. */
public final class JourneyProblems {

  private JourneyProblems() {}

  /** Also for a patient the caller may not see: whether they exist is nobody else's business. */
  public static ErrorResponseException patientNotFound(String patientId) {
    return notFound("Patient not found", "No patient " + patientId + " for you.");
  }

  public static ErrorResponseException notFound(String title, String detail) {
    ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, detail);
    problem.setTitle(title);
    return Problems.exception(problem);
  }

  public static ErrorResponseException forbidden(String detail) {
    return Problems.forbidden(detail);
  }

  /**
   * A refused action: an unknown name is bad input (400 naming {@code action_type}), the other side's action is
   * forbidden (403), a valid action the state does not allow is a conflict (409). Each names the current state and
   * what is available now.
   */
  static ErrorResponseException refused(String patientId, Decision.Refused refused) {
    ProblemDetail problem = switch (refused.reason()) {
      case UNKNOWN_ACTION -> Problems.invalid("action_type", "is not a known action");
      case OTHER_ACTORS_ACTION -> Problems.of(HttpStatus.FORBIDDEN, refused.detail());
      case NOT_ALLOWED_NOW -> {
        ProblemDetail conflict = Problems.of(HttpStatus.CONFLICT, refused.detail());
        conflict.setTitle("Action not allowed in this state");
        yield conflict;
      }
    };
    if (refused.reason() == Decision.Reason.UNKNOWN_ACTION) {
      problem.setDetail(refused.detail());
    }
    problem.setProperty("patient_id", patientId);
    problem.setProperty("action_type", refused.actionName());
    problem.setProperty("current_state", refused.current().wireName());
    problem.setProperty("available_actions", refused.allowedActionNames());
    return Problems.exception(problem);
  }

  /** 409 for a queue command the entry's state does not allow (delay a called patient, say). */
  static ErrorResponseException conflict(String title, String detail) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, detail);
    problem.setTitle(title);
    return Problems.exception(problem);
  }

  static InvalidFieldsException invalid(String field, String message) {
    return new InvalidFieldsException(field, message);
  }
}
