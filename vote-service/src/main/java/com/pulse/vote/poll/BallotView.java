package com.pulse.vote.poll;

import java.util.List;

/**
 * An employee's ballot after {@code PUT .../ballot}.
 *
 * @param version the poll's version once the ballot committed: every tally and stats at this version or later include
 *     it
 * @param changed false when the ballot was already this one (nothing was written, nothing announced)
 */
record BallotView(long pollId, String empNo, List<Long> optionIds, long version, boolean changed) {}
