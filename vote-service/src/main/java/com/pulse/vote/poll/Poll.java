package com.pulse.vote.poll;

import java.time.Instant;

/**
 * A poll's row (without its options).
 *
 * @param version grows by one with every change of a ballot and at close; the sequence of the poll's events
 * @param totalVoters how many employees hold a ballot
 * @param talliedVersion the version the last {@code vote.poll.tallied} event carried (tallies are coalesced)
 * @param talliedAt when that event was written, or null when none was
 */
record Poll(long id, String title, PollKind kind, int maxChoices, ResultsVisibility resultsVisibility,
    PollStatus status, String createdBy, Instant createdAt, Instant closesAt, Instant closedAt, String closedBy,
    long version, int totalVoters, long talliedVersion, Instant talliedAt) {

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
