package com.pulse.problems;

import java.util.Optional;

/**
 * What text a client may send in any string: no control characters but tab, line feed and carriage return, and
 * valid Unicode (no unpaired surrogates). PostgreSQL refuses a NUL outright (a 500 before this check) and stores a
 * lone surrogate as {@code ?}; neither is ever meant, so both are refused at the edge, naming the field.
 */
public final class InputText {

  private InputText() {}

  /** Why the text is refused, or empty when it is acceptable. */
  public static Optional<String> problem(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of(ProblemTexts.CONTROL_CHARACTER.formatted((int) c));
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(ProblemTexts.UNPAIRED_SURROGATE);
      }
    }
    return Optional.empty();
  }
}
