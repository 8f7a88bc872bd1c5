package com.pulse.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulse.problems.json.StrictJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Unreadable bodies in the client's terms: the field and what it must be, or where the JSON breaks. */
class JsonInputProblemsTests {

  enum Color { RED, GREEN }

  record Widget(String name, Color color, Integer size, List<Widget> parts) {}

  private static final JsonMapper JSON = StrictJson.mapper();

  @Test
  void anUnknownEnumValueNamesTheFieldTheValuesAndWhatWasSent() {
    ProblemDetail problem = problem("{\"parts\":[{\"color\":\"PURPLE\"}]}");

    assertThat(problem.getDetail()).isEqualTo("'parts[0].color' must be one of [RED, GREEN], got 'PURPLE'");
    assertThat(problem.getTitle()).isEqualTo(JsonInputProblems.TITLE);
  }

  @Test
  void aNumberTooLargeForItsFieldSaysSo() {
    assertThat(problem("{\"size\":99999999999999999999}").getDetail())
        .isEqualTo("'size' must be an integer, and this number is out of its range");
    assertThat(problem("{\"size\":1e400}").getDetail()).startsWith("'size' must be an integer");
  }

  @Test
  void aWrongShapeNamesTheField() {
    assertThat(problem("{\"parts\":{}}").getDetail()).isEqualTo("'parts' must be an array");
    assertThat(problem("{\"name\":[]}").getDetail()).isEqualTo("'name' must be a string");
  }

  @Test
  void malformedJsonSaysWhereWithoutTheParsersWords() {
    ProblemDetail problem = problem("{\"name\": \n nope}");

    assertThat(problem.getDetail()).isEqualTo("Malformed JSON at line 2, column 2");
    assertThat(problem.getProperties()).isNull();
  }

  @Test
  void deepNestingIsALimitNotAnInternalError() {
    String deep = "{\"parts\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertThat(problem(deep).getDetail()).isIn(ProblemTexts.JSON_LIMITS, "'parts' must be an array",
        "'parts[0]' must be an object");
  }

  @Test
  void somethingThatIsNotAJsonErrorIsTheGenericSentence() {
    assertThat(JsonInputProblems.of(new IllegalStateException("no body")).getDetail())
        .isEqualTo(ProblemTexts.UNREADABLE_BODY);
  }

  @Test
  void whatTheClientSentIsQuotedSafely() {
    String detail = problem("{\"color\":\"" + "a\\u0007".repeat(50) + "\"}").getDetail();

    assertThat(detail).contains("\\u0007").doesNotContain("\u0007").endsWith("…'");
  }

  private static ProblemDetail problem(String body) {
    JacksonException failure = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body,
        Widget.class));
    assertThat(failure).as(body).isNotNull();
    ProblemDetail problem = JsonInputProblems.of(failure);
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).doesNotContain("tools.jackson").doesNotContain("JsonMapper");
    return problem;
  }
}
