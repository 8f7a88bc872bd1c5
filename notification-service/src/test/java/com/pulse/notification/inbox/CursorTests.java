package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTests {

  @Test
  void readsBackWhatItWrote() {
    Cursor cursor = new Cursor(Instant.parse("2026-11-22T09:15:02.123456Z"), 1187);

    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"???", "bm90LWEtY3Vyc29y", "MS4yLng"})
  void refusesAnythingElseNamingTheCursor(String text) {
    InvalidFieldsException refused = catchThrowableOfType(InvalidFieldsException.class, () -> Cursor.decode(text));

    assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("cursor");
  }
}
