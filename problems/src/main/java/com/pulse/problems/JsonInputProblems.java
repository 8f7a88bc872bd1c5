package com.pulse.problems;

import com.pulse.problems.json.RefusedTextException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body Jackson could not read, as a 400 problem in the client's terms: the field and what it must be
 * ({@code 'priority' must be one of [ROUTINE, URGENT, STAT], got '2'}), the key given twice, or where the text stops
 * being JSON. Never Jackson's own message, which names Java classes and features.
 */
public final class JsonInputProblems {

  public static final String TITLE = "Unreadable request body";

  private JsonInputProblems() {}

  /** @param failure what reading the body threw (the JSON error itself or an exception wrapping it) */
  public static ProblemDetail of(Throwable failure) {
    JacksonException json = jacksonCause(failure);
    if (json == null) {
      return problem(ProblemTexts.UNREADABLE_BODY, null);
    }
    Optional<FieldProblem> field = field(json);
    if (field.isPresent()) {
      return problem(Problems.describe(field.get()), field.get());
    }
    if (json instanceof StreamConstraintsException) {
      return problem(ProblemTexts.JSON_LIMITS, null);
    }
    if (json instanceof StreamReadException read) {
      return problem(ProblemTexts.MALFORMED_JSON + (read.getLocation() == null ? ""
          : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr()), null);
    }
    return problem(ProblemTexts.UNREADABLE_BODY, null);
  }

  /** The field the error is about and what is wrong with it, when the error is about one field. */
  static Optional<FieldProblem> field(JacksonException e) {
    String path = FieldPaths.of(e);
    if (e instanceof RefusedTextException refused) {
      return Optional.of(new FieldProblem(path, refused.reason()));
    }
    if (isDuplicateKey(e)) {
      return duplicateKey(e, path);
    }
    if (path.isEmpty()) {
      return Optional.empty();
    }
    if (e instanceof UnrecognizedPropertyException) {
      return Optional.of(new FieldProblem(path, "is not a field of this request"));
    }
    if (e instanceof InvalidFormatException invalid) {
      return Optional.of(new FieldProblem(path, "must be " + TypeDescriptions.of(invalid.getTargetType())
          + ", got '" + Echo.of(invalid.getValue()) + "'"));
    }
    if (e instanceof MismatchedInputException mismatched) {
      return Optional.of(new FieldProblem(path, "must be " + TypeDescriptions.of(mismatched.getTargetType())));
    }
    if (e instanceof InputCoercionException coercion) {
      return Optional.of(new FieldProblem(path,
          ProblemTexts.OUT_OF_RANGE.formatted(TypeDescriptions.of(coercion.getTargetType()))));
    }
    if (e instanceof StreamReadException) {
      return Optional.empty(); // malformed text inside a field: where it is matters more than which field
    }
    return Optional.of(new FieldProblem(path, "is not valid"));
  }

  private static boolean isDuplicateKey(JacksonException e) {
    return e instanceof StreamReadException && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Duplicate Object property");
  }

  /** The parser stops on the second occurrence, so its context names the key. */
  private static Optional<FieldProblem> duplicateKey(JacksonException e, String path) {
    if (e.processor() instanceof JsonParser parser) {
      TokenStreamContext context = parser.streamReadContext();
      if (context != null && context.currentName() != null) {
        String name = context.currentName();
        String field = path.equals(name) || path.endsWith("." + name) ? path : FieldPaths.child(path, name);
        return Optional.of(new FieldProblem(field, ProblemTexts.GIVEN_TWICE));
      }
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(new FieldProblem(path, ProblemTexts.GIVEN_TWICE));
  }

  private static ProblemDetail problem(String detail, FieldProblem field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle(TITLE);
    if (field != null) {
      problem.setProperty("errors", List.of(field));
    }
    return problem;
  }

  private static JacksonException jacksonCause(Throwable failure) {
    JacksonException found = null;
    for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JacksonException json) {
        found = json;
      }
    }
    return found;
  }
}
