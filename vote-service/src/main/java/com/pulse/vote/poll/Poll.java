package com.pulse.vote.poll;

import java.time.Instant;

/**
 * A poll's row (without its options, counts and voters: those are recounted from the ballots, {@link Tally}).
 *
 * @param baseVersion the poll's own changes: 1 at open, 3 once closed; its version adds every ballot change
 *     ({@link Tally#version()})
 */
record Poll(long id, String title, PollKind kind, int maxChoices, ResultsVisibility resultsVisibility,
    PollStatus status, String createdBy, Instant createdAt, Instant closesAt, Instant closedAt, String closedBy,
    long baseVersion) {

  boolean open() {
    return status == PollStatus.OPEN;
  }

  /** Open, and not past its closing time (the closer may not have run yet). */
  boolean takesBallots(Instant now) {
    return open() && (closesAt == null || now.isBefore(closesAt));
  }

  /** Whether counts may go to everyone who may follow the poll: what a live tally event carries. */
  boolean countsPublic() {
    return status == PollStatus.CLOSED || resultsVisibility == ResultsVisibility.LIVE;
  }
}
