package com.pulse.problems;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The detail of an error the framework or the web server raised rather than Pulse's code: by status, in Pulse's
 * words. Spring's own texts name its machinery ("No static resource api/ocs/x.", "Content-Type
 * 'multipart/form-data;boundary=…' is not supported"); these say what the client can do about it.
 */
public final class StandardDetails {

  private StandardDetails() {}

  /** For an error known only by its status (a web server's refusal, the error page). */
  public static String forStatus(int status) {
    return switch (status) {
      case 400 -> ProblemTexts.BAD_REQUEST;
      case 401 -> ProblemTexts.TOKEN_REQUIRED;
      case 403 -> ProblemTexts.FORBIDDEN;
      case 404 -> ProblemTexts.NOT_FOUND;
      case 405 -> ProblemTexts.METHOD_NOT_ALLOWED;
      case 406 -> ProblemTexts.NOT_ACCEPTABLE;
      case 413 -> ProblemTexts.CONTENT_TOO_LARGE;
      case 414 -> ProblemTexts.URI_TOO_LONG;
      case 415 -> ProblemTexts.UNSUPPORTED_MEDIA_TYPE;
      case 431 -> ProblemTexts.HEADERS_TOO_LARGE;
      case 500 -> ProblemTexts.INTERNAL;
      case 502 -> ProblemTexts.ROUTE_CLOSED;
      case 503 -> ProblemTexts.SERVICE_UNAVAILABLE;
      case 504 -> ProblemTexts.ROUTE_TIMEOUT;
      default -> reason(status);
    };
  }

  /**
   * Spring's detail for one of its standard errors, reworded where Spring's names its internals; other details (a
   * missing parameter, Pulse's own problems) are kept.
   *
   * @param headers the error's headers: {@code Allow} for 405, {@code Accept} for 415
   */
  public static String reword(HttpStatusCode status, HttpHeaders headers, String detail) {
    return switch (status.value()) {
      case 404 -> ProblemTexts.NOT_FOUND;
      case 405 -> headers.getAllow().isEmpty() ? ProblemTexts.METHOD_NOT_ALLOWED
          : ProblemTexts.METHOD_NOT_ALLOWED_ALLOW.formatted(String.join(", ",
              headers.getAllow().stream().map(Object::toString).sorted().toList()));
      case 406 -> ProblemTexts.NOT_ACCEPTABLE;
      case 415 -> acceptedTypes(headers).isEmpty() ? ProblemTexts.UNSUPPORTED_MEDIA_TYPE
          : ProblemTexts.UNSUPPORTED_MEDIA_TYPE_ACCEPT.formatted(String.join(", ", acceptedTypes(headers)));
      case 500 -> ProblemTexts.INTERNAL; // Spring's 500s quote handler methods and conversion failures
      default -> detail == null || detail.isBlank() ? forStatus(status.value()) : detail;
    };
  }

  private static List<String> acceptedTypes(HttpHeaders headers) {
    return headers.getAccept().stream().map(Object::toString).toList();
  }

  private static String reason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known != null ? known.getReasonPhrase() + "." : "Error " + status + ".";
  }
}
