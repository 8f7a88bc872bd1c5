package com.pulse.vote.poll;

/** One choice of a poll and how many ballots name it. */
record PollOption(long id, String label, int votes) {}
