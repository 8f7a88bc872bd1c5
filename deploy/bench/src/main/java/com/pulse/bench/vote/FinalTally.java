package com.pulse.bench.vote;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The tally every screen must end up showing: the number of voters and each option's count, computed from the
 * ballots the benchmark cast. A frame shows it only when every count is exact — an earlier, coalesced tally with
 * fewer votes does not.
 */
record FinalTally(long pollId, int voters, Map<Long, Integer> counts) {

  FinalTally {
    counts = Map.copyOf(counts);
  }

  /** Whether a {@code vote_update} frame's {@code data} (the seed dialect's tally) shows exactly this tally. */
  boolean shownBy(JsonNode data) {
    if (data.path("poll_id").asLong(-1) != pollId || data.path("total_voters").asInt(-1) != voters
        || !data.path("results_visible").asBoolean(false)) {
      return false;
    }
    JsonNode options = data.path("options");
    int seen = 0;
    for (JsonNode option : options) {
      Integer expected = counts.get(option.path("option_id").asLong(-1));
      JsonNode count = option.path("vote_count");
      if (expected == null || !count.isNumber() || count.asInt() != expected) {
        return false;
      }
      seen++;
    }
    return seen == counts.size();
  }
}
