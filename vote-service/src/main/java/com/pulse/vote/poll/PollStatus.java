package com.pulse.vote.poll;

/** OPEN takes ballots; CLOSED does not, and shows its counts to everyone. */
enum PollStatus {
  OPEN,
  CLOSED
}
