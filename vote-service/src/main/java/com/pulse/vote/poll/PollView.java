package com.pulse.vote.poll;

import java.time.Instant;
import java.util.List;

/** A poll as the REST API shows it: without counts (those are in its {@link StatsView}). */
record PollView(long id, String title, PollKind kind, PollStatus status, int maxChoices,
    ResultsVisibility resultsVisibility, List<Option> options, String createdBy, Instant createdAt, Instant closesAt,
    Instant closedAt, String closedBy, long version) {

  record Option(long id, String label) {}

  /** {@code version}: the poll's version now ({@link Tally#version()}). */
  static PollView of(Poll poll, List<PollOption> options, long version) {
    return new PollView(poll.id(), poll.title(), poll.kind(), poll.status(), poll.maxChoices(),
        poll.resultsVisibility(), options.stream().map(o -> new Option(o.id(), o.label())).toList(),
        poll.createdBy(), poll.createdAt(), poll.closesAt(), poll.closedAt(), poll.closedBy(), version);
  }
}
