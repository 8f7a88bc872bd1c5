package com.pulse.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which text any field may hold. */
class InputTextTests {

  @Test
  void textWithTabsNewlinesAndAnyScriptIsFine() {
    assertThat(InputText.problem("한글 text\twith\r\nbreaks 😀")).isEmpty();
  }

  @Test
  void controlCharactersAreNamedByCodePoint() {
    assertThat(InputText.problem("a\u0000")).hasValue(ProblemTexts.CONTROL_CHARACTER.formatted(0));
    assertThat(InputText.problem("\u001b[31m")).hasValueSatisfying(m -> assertThat(m).contains("U+001B"));
    assertThat(InputText.problem("\u007f")).isPresent();
    assertThat(InputText.problem("\u0090")).isPresent();
  }

  @Test
  void unpairedSurrogatesAreNotText() {
    assertThat(InputText.problem("\uD800x")).hasValue(ProblemTexts.UNPAIRED_SURROGATE);
    assertThat(InputText.problem("x\uDC00")).hasValue(ProblemTexts.UNPAIRED_SURROGATE);
    assertThat(InputText.problem("\uDE00\uD83D")).hasValue(ProblemTexts.UNPAIRED_SURROGATE);
  }

  @Test
  void anEchoIsShortAndPrintable() {
    assertThat(Echo.of("a\u0000b")).isEqualTo("a\\u0000b");
    assertThat(Echo.of("x".repeat(100))).hasSize(Echo.MAX + 1).endsWith("…");
    assertThat(Echo.of("😀")).isEqualTo("😀");
    assertThat(Echo.of("\uD800")).isEqualTo("\\uD800");
  }
}
