package com.pulse.problems;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what a client put in the request line, before anything decodes it for a controller: every query
 * parameter's name and value and the path must be percent-encoded UTF-8 and pass {@link InputText} once decoded,
 * and no value may be a date beyond years 0001–9999 ({@link InputTimes#isDateOutOfRange}). A NUL in
 * {@code ?patientId=} used to reach PostgreSQL, and {@code ?createdFrom=-999999999-01-01T00:00:00Z} to overflow on
 * its way there (both a 500, retried three times by the gateway).
 */
public final class RequestTargets {

  /** The field a problem with the path names. */
  public static final String PATH = "path";
  /** The field a problem names when even a parameter's name cannot be read. */
  public static final String QUERY = "query";

  private RequestTargets() {}

  /** @param rawQuery the query string as sent (still percent-encoded), or null */
  public static List<FieldProblem> queryProblems(String rawQuery) {
    List<FieldProblem> problems = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return problems;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      Optional<String> name = decode(rawName, true);
      if (name.isEmpty()) {
        problems.add(new FieldProblem(QUERY, "parameter names " + ProblemTexts.NOT_UTF8));
        continue;
      }
      Optional<String> nameProblem = InputText.problem(name.get());
      if (nameProblem.isPresent()) {
        problems.add(new FieldProblem(Echo.of(name.get()), nameProblem.get()));
        continue;
      }
      if (equals >= 0) {
        Optional<String> value = decode(pair.substring(equals + 1), true);
        Optional<String> valueProblem = value.isEmpty() ? Optional.of(ProblemTexts.NOT_UTF8)
            : InputText.problem(value.get()).or(() -> InputTimes.isDateOutOfRange(value.get())
                ? Optional.of(InputTimes.OUT_OF_RANGE) : Optional.empty());
        valueProblem.ifPresent(problem -> problems.add(new FieldProblem(Echo.of(name.get()), problem)));
      }
    }
    return problems;
  }

  /** @param rawPath the path as sent (still percent-encoded) */
  public static Optional<FieldProblem> pathProblem(String rawPath) {
    if (rawPath == null) {
      return Optional.empty();
    }
    Optional<String> path = decode(rawPath, false);
    if (path.isEmpty()) {
      return Optional.of(new FieldProblem(PATH, ProblemTexts.NOT_UTF8));
    }
    return InputText.problem(path.get()).map(problem -> new FieldProblem(PATH, problem));
  }

  /** Strict percent-decoding: a broken escape or bytes that are not UTF-8 give empty. */
  static Optional<String> decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return Optional.of(raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (Character.isHighSurrogate(c) && i + 1 < raw.length()
          && Character.isLowSurrogate(raw.charAt(i + 1))) {
        bytes.writeBytes(raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.empty();
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
