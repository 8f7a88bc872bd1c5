package com.pulse.problems;

/**
 * What the client sent, made safe to quote back in a problem: at most {@value #MAX} characters, control characters
 * and broken Unicode written as {@code \\uXXXX}, so a detail never carries the very bytes it complains about.
 */
public final class Echo {

  static final int MAX = 64;

  private Echo() {}

  public static String of(Object value) {
    String text = String.valueOf(value);
    StringBuilder echo = new StringBuilder(Math.min(text.length(), MAX) + 8);
    int i = 0;
    for (int shown = 0; i < text.length() && shown < MAX; shown++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        echo.append(c).append(text.charAt(i + 1));
        i += 2;
      } else {
        echo.append(Character.isISOControl(c) || Character.isSurrogate(c) ? "\\u%04X".formatted((int) c) : c);
        i++;
      }
    }
    return i < text.length() ? echo.append('…').toString() : echo.toString();
  }
}
