package com.pulse.vote.poll;

/**
 * Who sees a poll's counts while it is open (administrators always do; everyone once it closed): everyone (LIVE), an
 * employee who holds a ballot on it (AFTER_VOTE), nobody else (AFTER_CLOSE).
 */
enum ResultsVisibility {
  LIVE,
  AFTER_VOTE,
  AFTER_CLOSE
}
