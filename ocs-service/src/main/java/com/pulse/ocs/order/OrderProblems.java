package com.pulse.ocs.order;

import com.pulse.problems.FieldProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 answers of the order API when a request cannot be carried out; nothing has changed when they go. */
final class OrderProblems {

  private OrderProblems() {}

  /** Also for orders the caller may not see: whether they exist is nobody else's business. */
  static ErrorResponseException notFound(UUID id) {
    return problem(HttpStatus.NOT_FOUND, "Order not found", "No order " + id + " for you.");
  }

  /** 403, answered by the platform's handler like every other role check. */
  static AccessDeniedException forbidden(String detail) {
    return new AccessDeniedException(detail);
  }

  /** 409: the status does not allow the action. Names the status and what it allows, and who holds the order. */
  static ErrorResponseException notAllowedNow(Order order, OrderAction action) {
    List<String> allowed = OrderAction.allowedPathsIn(order.status());
    String detail = action == OrderAction.ACCEPT && order.workerId() != null
        ? "Order " + order.id() + " is already accepted by " + order.workerId() + " (it is " + order.status() + ")."
        : "Cannot " + action.path() + " order " + order.id() + ": it is " + order.status() + ".";
    detail += allowed.isEmpty() ? " No action is allowed any more." : " Allowed now: " + String.join(", ", allowed)
        + ".";
    ErrorResponseException e = problem(HttpStatus.CONFLICT, "Action not allowed in this status", detail);
    ProblemDetail body = e.getBody();
    body.setProperty("orderId", order.id());
    body.setProperty("action", action.path());
    body.setProperty("currentStatus", order.status());
    body.setProperty("allowedActions", allowed);
    body.setProperty("workerId", order.workerId());
    body.setProperty("version", order.version());
    e.getHeaders().setETag(OrderController.etag(order));
    return e;
  }

  /** 412: the client's {@code If-Match} names a version that is no longer current. */
  static ErrorResponseException stale(Order order, String ifMatch) {
    ErrorResponseException e = problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
        "If-Match " + ifMatch + " does not match the order's current version " + OrderController.etag(order)
            + "; it is " + order.status() + " now. Reload the order and decide again.");
    e.getBody().setProperty("orderId", order.id());
    e.getBody().setProperty("currentStatus", order.status());
    e.getBody().setProperty("version", order.version());
    e.getHeaders().setETag(OrderController.etag(order));
    return e;
  }

  /** 400 naming the offending header (the request's body and query parameters are Spring's to bind and check). */
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
