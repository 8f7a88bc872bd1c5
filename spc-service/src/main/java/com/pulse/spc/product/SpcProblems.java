package com.pulse.spc.product;

import com.pulse.problems.InvalidFieldsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 answers of the SPC API when a request cannot be carried out; nothing has changed when they go. */
public final class SpcProblems {

  private SpcProblems() {}

  public static ErrorResponseException notFound(String what) {
    return problem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist.");
  }

  public static ErrorResponseException productNotFound(long id) {
    return notFound("Product " + id);
  }

  /** 409: the request is well-formed but the state does not allow it now. */
  public static ErrorResponseException conflict(String title, String detail) {
    return problem(HttpStatus.CONFLICT, title, detail);
  }

  /** 400 naming one field. */
  public static InvalidFieldsException invalid(String field, String message) {
    return new InvalidFieldsException(field, message);
  }

  /** 412: the client's {@code If-Match} names a version that is no longer current. */
  public static ErrorResponseException stale(Product product, String ifMatch) {
    ErrorResponseException e = problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
        "If-Match " + ifMatch + " does not match the product's current version " + product.etag()
            + ". Reload the product and decide again.");
    e.getBody().setProperty("productId", product.id());
    e.getBody().setProperty("version", product.version());
    e.getHeaders().setETag(product.etag());
    return e;
  }

  public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
