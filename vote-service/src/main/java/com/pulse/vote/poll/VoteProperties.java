package com.pulse.vote.poll;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of vote-service ({@code pulse.vote.*}).
 *
 * @param employeesMayCreate whether employees, not only administrators, may open polls
 * @param closeCheck how often open polls past their {@code closesAt} are closed
 * @param tally how live tallies are coalesced
 */
@ConfigurationProperties("pulse.vote")
record VoteProperties(@DefaultValue("false") boolean employeesMayCreate, @DefaultValue("1s") Duration closeCheck,
    @DefaultValue Tally tally) {

  /**
   * @param maxPerSecond at most this many {@code vote.poll.tallied} events per poll per second
   * @param flushInterval how often polls with changes not yet tallied are looked for: a lone ballot reaches screens
   *     within this (plus delivery), the last of a burst within the spacing plus this
   */
  record Tally(@DefaultValue("10") int maxPerSecond, @DefaultValue("25ms") Duration flushInterval) {

    Tally {
      if (maxPerSecond < 1) {
        throw new IllegalArgumentException("pulse.vote.tally.max-per-second must be at least 1");
      }
    }

    /** The least time between two tally events of one poll. */
    Duration spacing() {
      return Duration.ofNanos(1_000_000_000L / maxPerSecond);
    }
  }
}
