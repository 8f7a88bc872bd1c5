package com.pulse.vote.poll;

import java.util.List;

/**
 * A poll's tally as one caller may see it ({@code GET /api/vote/polls/{id}/stats}, the polling fallback).
 *
 * @param resultsVisible whether this caller sees counts; when not, every option's {@code votes} is null
 * @param myBallot the caller's current choices, or null
 * @param version the poll's version: the ETag, and comparable with a live tally's
 */
record StatsView(long pollId, PollStatus status, int totalVoters, boolean resultsVisible, List<Count> options,
    List<Long> myBallot, long version) {

  record Count(long optionId, String label, Integer votes) {}

  static StatsView of(Poll poll, Tally tally, List<Long> myBallot, boolean visible) {
    return new StatsView(poll.id(), poll.status(), tally.totalVoters(), visible,
        tally.options().stream().map(o -> new Count(o.optionId(), o.label(), visible ? o.votes() : null)).toList(),
        myBallot, tally.version());
  }

  /** Strong ETag: the version, marked when counts are hidden (a caller who votes or a close changes both). */
  String etag() {
    return "\"" + version + (resultsVisible ? "" : "-hidden") + "\"";
  }
}
