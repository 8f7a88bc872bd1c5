package com.pulse.problems.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulse.problems.JsonInputProblems;
import com.pulse.problems.ProblemTexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What strict JSON refuses, and that the refusal names the field: each case was silently accepted by Jackson's
 * defaults (issue 11, item 5: {@code jobRole: 1} became LIS, {@code priority: 2} STAT, {@code patientId: 1.5} "1.5",
 * {@code "\ud800x"} was stored as {@code ?x}, duplicate keys were accepted).
 */
class StrictJsonTests {

  enum JobRole { RIS, LIS }

  record Item(String label, Integer count) {}

  record Order(String patientId, JobRole jobRole, Integer size, Integer count, Boolean urgent, Double weight,
      List<String> tags, Map<String, String> labels, List<Item> items) {}

  private static final JsonMapper STRICT = StrictJson.mapper();
  private static final JsonMapper LENIENT = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"jobRole\":1}`                         | jobRole",
      "`{\"jobRole\":\"1\"}`                     | jobRole",
      "`{\"jobRole\":1.0}`                       | jobRole",
      "`{\"patientId\":1.5}`                     | patientId",
      "`{\"patientId\":15}`                      | patientId",
      "`{\"patientId\":true}`                    | patientId",
      "`{\"size\":\"2\"}`                        | size",
      "`{\"size\":2.5}`                          | size",
      "`{\"size\":true}`                         | size",
      "`{\"count\":1.0}`                         | count",
      "`{\"count\":\"\"}`                        | count",
      "`{\"count\":\"\\u0000\"}`                  | count",
      "`{\"urgent\":\" \"}`                      | urgent",
      "`{\"jobRole\":\"\"}`                      | jobRole",
      "`{\"urgent\":\"true\"}`                   | urgent",
      "`{\"urgent\":1}`                          | urgent",
      "`{\"weight\":\"1.5\"}`                    | weight",
      "`{\"tags\":[1]}`                          | tags[0]",
      "`{\"tags\":\"a\"}`                        | tags",
      "`{\"labels\":{\"a\":2}}`                  | labels.a",
      "`{\"items\":[{\"label\":\"a\",\"count\":\"1\"}]}` | items[0].count"})
  void noScalarIsCoercedAndTheFieldIsNamed(String body, String field) {
    assertRefused(body, field);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"patientId\":\"P\\u0000\"}`            | patientId",
      "`{\"patientId\":\"\\u0001\"}`             | patientId",
      "`{\"patientId\":\"a\\u007fb\"}`           | patientId",
      "`{\"patientId\":\"\\u0085\"}`             | patientId",
      "`{\"patientId\":\"\\ud800x\"}`            | patientId",
      "`{\"patientId\":\"x\\udc00\"}`            | patientId",
      "`{\"tags\":[\"ok\",\"n\\u0000\"]}`        | tags[1]",
      "`{\"labels\":{\"a\":\"\\u0000\"}}`        | labels.a",
      "`{\"labels\":{\"\\u0000\":\"a\"}}`        | labels",
      "`{\"items\":[{\"label\":\"\\ud83d\"}]}`   | items[0].label"})
  void controlCharactersAndUnpairedSurrogatesAreRefusedNamingTheField(String body, String field) {
    assertRefused(body, field);
  }

  @Test
  void tabsNewlinesAndPairedSurrogatesAreText() {
    Order order = STRICT.readValue("{\"patientId\":\"a\\tb\\nc\\r\\ud83d\\ude00\"}", Order.class);

    assertThat(order.patientId()).isEqualTo("a\tb\nc\r\uD83D\uDE00");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"patientId\":\"a\",\"patientId\":\"b\"}`                      | patientId",
      "`{\"items\":[{\"label\":\"a\",\"label\":\"b\"}]}`               | items[0].label"})
  void aKeyGivenTwiceIsRefusedNamingIt(String body, String field) {
    assertRefused(body, field);
  }

  @Test
  void textAfterTheDocumentIsRefused() {
    JacksonException refused = catchThrowableOfType(JacksonException.class,
        () -> STRICT.readValue("{\"patientId\":\"a\"} {}", Order.class));

    assertThat(JsonInputProblems.of(refused).getDetail()).isEqualTo(ProblemTexts.UNREADABLE_BODY);
  }

  @Test
  void theDefaultsAcceptedEveryOneOfThese() {
    Order coerced = LENIENT.readValue("{\"jobRole\":1,\"patientId\":1.5,\"size\":\"2\",\"count\":1.7,"
        + "\"urgent\":\"true\",\"tags\":[1]}", Order.class);
    assertThat(coerced.jobRole()).isEqualTo(JobRole.LIS);
    assertThat(coerced.patientId()).isEqualTo("1.5");
    assertThat(coerced.size()).isEqualTo(2);
    assertThat(coerced.count()).isEqualTo(1);
    assertThat(coerced.urgent()).isTrue();
    assertThat(coerced.tags()).containsExactly("1");
    assertThat(LENIENT.readValue("{\"patientId\":\"a\",\"patientId\":\"b\"}", Order.class).patientId())
        .isEqualTo("b");
    assertThat(LENIENT.readValue("{\"patientId\":\"\\u0000\"}", Order.class).patientId()).isEqualTo("\u0000");
  }

  @Test
  void wellFormedInputReadsAsWritten() {
    Order order = STRICT.readValue("{\"patientId\":\"P-1\",\"jobRole\":\"LIS\",\"size\":2,\"count\":3,"
        + "\"urgent\":true,\"weight\":1,\"tags\":[\"a\"],\"labels\":{\"k\":\"v\"},"
        + "\"items\":[{\"label\":\"x\",\"count\":1}]}", Order.class);

    assertThat(order).isEqualTo(new Order("P-1", JobRole.LIS, 2, 3, true, 1.0, List.of("a"), Map.of("k", "v"),
        List.of(new Item("x", 1))));
  }

  private static void assertRefused(String body, String field) {
    JacksonException refused = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(body,
        Order.class));
    assertThat(refused).as(body).isNotNull();
    ProblemDetail problem = JsonInputProblems.of(refused);
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).as(body + ": " + problem.getDetail()).containsKey("errors");
    assertThat(((List<?>) problem.getProperties().get("errors")).getFirst().toString())
        .as(body).contains("field=" + field + ",");
    assertThat(problem.getDetail()).as(body).startsWith("'" + field + "' ").doesNotContain("tools.jackson")
        .doesNotContain("Cannot").doesNotContain("`");
  }
}
