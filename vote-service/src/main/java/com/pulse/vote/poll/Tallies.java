package com.pulse.vote.poll;

import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coalesced live tallies: at most {@code pulse.vote.tally.max-per-second} {@code vote.poll.tallied} events per poll,
 * the last one always the exact tally of the poll's last change.
 *
 * <p>A change writes its tally event itself, in its own transaction under the poll's row lock, when the poll's last
 * tally event is at least the spacing old (a lone ballot reaches screens at once); otherwise it leaves the poll
 * "untallied" ({@code tallied_version < version}) and the flusher, every {@code flush-interval} on every instance,
 * writes one event for all the changes held back, under the same row lock ({@code FOR UPDATE SKIP LOCKED}: instances
 * never write the same tally twice, and a poll being changed is simply found on the next round). The event carries
 * the counts read under the lock, so its version and its counts always belong together.
 */
@Component
class Tallies {

  private static final int FLUSH_BATCH = 100;

  private final PollStore polls;
  private final Outbox outbox;
  private final VoteProperties.Tally settings;
  private final Clock clock = Clock.systemUTC();

  Tallies(PollStore polls, Outbox outbox, VoteProperties properties) {
    this.polls = polls;
    this.outbox = outbox;
    this.settings = properties.tally();
  }

  /** After a change of {@code poll} (locked, at its new version): its tally event now, or held back for the flusher. */
  void changed(Poll poll) {
    Instant now = now();
    if (poll.talliedAt() == null || !poll.talliedAt().isAfter(now.minus(settings.spacing()))) {
      write(poll, now);
    }
  }

  /** The tally of {@code poll} (locked, at its final version) now, whatever the spacing: a close is the last word. */
  void now(Poll poll) {
    write(poll, now());
  }

  @Scheduled(fixedDelayString = "${pulse.vote.tally.flush-interval:50ms}")
  @Transactional
  public void flush() {
    Instant now = now();
    for (long id : polls.lockUntallied(now.minus(settings.spacing()), FLUSH_BATCH)) {
      polls.find(id).ifPresent(poll -> write(poll, now));
    }
  }

  private void write(Poll poll, Instant now) {
    List<PollOption> options = polls.options(poll.id());
    outbox.append(EventType.VOTE_POLL_TALLIED, Long.toString(poll.id()), poll.version(),
        PollEvents.tally(poll, options), PollEvents.tallied(poll));
    polls.tallied(poll.id(), poll.version(), now);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
