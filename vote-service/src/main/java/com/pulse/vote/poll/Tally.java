package com.pulse.vote.poll;

import java.util.List;

/**
 * A poll's counts, recounted from its ballots in one statement, so the counts, the voters and the version belong to
 * the same moment.
 *
 * @param version the poll's own version ({@link Poll#baseVersion()}) plus the number of its ballot changes: grows by
 *     one with every change that commits, whatever order concurrent ballots commit in
 * @param totalVoters how many employees hold a ballot
 * @param options every option, in the poll's order
 */
record Tally(long version, int totalVoters, List<Count> options) {

  record Count(long optionId, String label, int votes) {}
}
