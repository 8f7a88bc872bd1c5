package com.pulse.bench.vote;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.bench.BenchHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FinalTallyTests {

  private final FinalTally tally = new FinalTally(7, 5, Map.of(21L, 3, 22L, 2));

  private static JsonNode data(String json) {
    return BenchHttp.JSON.readTree(json);
  }

  @Test
  void theExactTallyIsShown() {
    assertThat(tally.shownBy(data("""
        {"poll_id":7,"total_voters":5,"results_visible":true,
         "options":[{"option_id":21,"vote_count":3},{"option_id":22,"vote_count":2}]}"""))).isTrue();
  }

  @Test
  void anEarlierCoalescedTallyIsNot() {
    assertThat(tally.shownBy(data("""
        {"poll_id":7,"total_voters":4,"results_visible":true,
         "options":[{"option_id":21,"vote_count":2},{"option_id":22,"vote_count":2}]}"""))).isFalse();
  }

  @Test
  void theRightTotalWithCountsOnTheWrongOptionsIsNot() {
    assertThat(tally.shownBy(data("""
        {"poll_id":7,"total_voters":5,"results_visible":true,
         "options":[{"option_id":21,"vote_count":2},{"option_id":22,"vote_count":3}]}"""))).isFalse();
  }

  @Test
  void hiddenCountsAnotherPollOrAMissingOptionAreNot() {
    assertThat(tally.shownBy(data("""
        {"poll_id":7,"total_voters":5,"results_visible":false,
         "options":[{"option_id":21,"vote_count":null},{"option_id":22,"vote_count":null}]}"""))).isFalse();
    assertThat(tally.shownBy(data("""
        {"poll_id":8,"total_voters":5,"results_visible":true,
         "options":[{"option_id":21,"vote_count":3},{"option_id":22,"vote_count":2}]}"""))).isFalse();
    assertThat(tally.shownBy(data("""
        {"poll_id":7,"total_voters":5,"results_visible":true,"options":[{"option_id":21,"vote_count":3}]}""")))
        .isFalse();
  }
}
