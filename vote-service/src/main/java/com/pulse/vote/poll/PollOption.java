package com.pulse.vote.poll;

/** One choice of a poll (its count is in the poll's {@link Tally}). */
record PollOption(long id, String label) {}
