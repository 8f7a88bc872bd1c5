package com.pulse.problems;

/**
 * The sentences Pulse's errors say, written once so that the gateway, every servlet service and notification-service
 * answer the same mistake with the same words (clients and tests match on them). Each describes what the client did
 * or must do, never how the server is built.
 */
public final class ProblemTexts {

  /** No token on a service that takes it only in the {@code Authorization} header. */
  public static final String TOKEN_REQUIRED = "An access token is required: send 'Authorization: Bearer <token>'.";
  /** No token where WebSocket handshakes and event streams may also carry it in the URL (gateway, notifications). */
  public static final String TOKEN_REQUIRED_OR_QUERY = "An access token is required: send 'Authorization: Bearer"
      + " <token>' (WebSocket handshakes may pass it as the access_token query parameter).";
  public static final String TOKEN_INVALID = "The access token is invalid or expired.";
  public static final String FORBIDDEN = "Your role does not allow this.";

  public static final String NOT_FOUND = "No such endpoint.";
  public static final String METHOD_NOT_ALLOWED = "This method is not allowed here.";
  public static final String METHOD_NOT_ALLOWED_ALLOW = "This endpoint takes only %s.";
  public static final String UNSUPPORTED_MEDIA_TYPE = "This endpoint does not take a body of this type.";
  public static final String UNSUPPORTED_MEDIA_TYPE_ACCEPT = "This endpoint takes a body of type %s only.";
  public static final String NOT_ACCEPTABLE = "This endpoint cannot answer in a type the Accept header allows.";
  public static final String CONTENT_TOO_LARGE = "The request body is too large.";
  public static final String REJECTED_REQUEST = "The request was refused: its path must be plain (no '..', '//',"
      + " ';', encoded '.', '/', '\\' or '%', no control characters), its method one of GET, HEAD, POST, PUT,"
      + " PATCH, DELETE, OPTIONS, and its parameter names printable.";
  public static final String BAD_REQUEST = "The request is not well-formed HTTP.";
  public static final String URI_TOO_LONG = "The request's URL is too long.";
  public static final String NOT_A_URI = "The request's URL is not a valid URI: check its percent-encoding and"
      + " characters.";
  public static final String HEADERS_TOO_LARGE = "The request's headers are too large.";
  public static final String CROSS_ORIGIN_REFUSED = "Cross-origin requests from this origin are not allowed.";

  public static final String INVALID_FIELDS = "Invalid fields: %s";
  public static final String UNREADABLE_BODY = "The request body is missing or is not the JSON this endpoint expects.";
  public static final String MALFORMED_JSON = "Malformed JSON";
  public static final String JSON_LIMITS = "The JSON is nested too deeply, or holds a number or a text too long.";
  public static final String CONCURRENT_CHANGE = "Someone else changed this resource at the same moment; reload it"
      + " and try again.";
  public static final String INTERNAL = "The request failed on the server; it has been logged.";
  public static final String SERVICE_UNAVAILABLE = "The service is unavailable; retry shortly.";
  // what a gateway says about the service behind a route
  public static final String ROUTE_UNAVAILABLE = "The service behind this route is unavailable; retry shortly.";
  public static final String ROUTE_TIMEOUT = "The service behind this route did not answer in time.";
  public static final String ROUTE_CLOSED = "The service behind this route closed the connection without an answer.";

  // what is wrong with one field, after its name: "'notes' must not contain control characters ..."
  public static final String CONTROL_CHARACTER = "must not contain control characters (found U+%04X; only tab, line"
      + " feed and carriage return are allowed)";
  public static final String UNPAIRED_SURROGATE = "must be valid Unicode text (found an unpaired surrogate)";
  public static final String NOT_UTF8 = "must be percent-encoded UTF-8";
  public static final String GIVEN_TWICE = "is given twice";
  public static final String OUT_OF_RANGE = "must be %s, and this number is out of its range";

  private ProblemTexts() {}
}
