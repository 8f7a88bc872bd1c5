package com.pulse.vote.poll;

import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live tallies, coalesced: at most {@code pulse.vote.tally.max-per-second} {@code vote.poll.tallied} events per poll,
 * each the whole tally recounted from the ballots at its version, the last one always the exact final tally.
 *
 * <p>A ballot does not write its tally: it leaves a "due" marker ({@link TallyStore#markDue}) and commits. Every
 * {@code flush-interval}, on every instance, the writer takes each poll with markers whose last tally is at least the
 * spacing old: it locks the poll's tally row ({@code FOR UPDATE SKIP LOCKED}: one writer per poll at a time, across
 * instances), deletes the markers committed so far, recounts (a later statement, so the recount includes every change
 * whose marker it deleted; a change that commits meanwhile keeps its marker for the next round) and writes one event
 * when the version grew. So a burst of ballots becomes one tally per spacing, and the last change of a poll is always
 * in a tally within spacing + flush-interval. A close writes the final tally itself ({@link #writeFinal}).
 */
@Component
class TallyWriter {

  private static final int FLUSH_BATCH = 100;
  /** How often the database is asked even when nothing changed here: markers left by an instance that stopped. */
  private static final long SWEEP_NANOS = Duration.ofSeconds(1).toNanos();

  /** A ballot committed on this instance since the last flush, or a due tally waits for its spacing. */
  private final AtomicBoolean changedHere = new AtomicBoolean();
  private volatile long lastSweep = System.nanoTime();

  private final PollStore polls;
  private final TallyStore store;
  private final Outbox outbox;
  private final VoteProperties.Tally settings;
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();

  TallyWriter(PollStore polls, TallyStore store, Outbox outbox, VoteProperties properties,
      PlatformTransactionManager transactions) {
    this.polls = polls;
    this.store = store;
    this.outbox = outbox;
    this.settings = properties.tally();
    this.transaction = new TransactionTemplate(transactions);
  }

  /** In the transaction of a ballot change: the poll's tally is due. */
  void changed(long pollId) {
    store.markDue(pollId);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        changedHere.set(true);
      }
    });
  }

  /**
   * Writes the due tallies, each poll in its own short transaction. Asks the database only when a ballot committed
   * here or a tally is still held back by its spacing, and once a second otherwise: an idle service does not query
   * every flush interval.
   */
  @Scheduled(fixedDelayString = "${pulse.vote.tally.flush-interval:25ms}")
  public void flush() {
    long started = System.nanoTime();
    if (!changedHere.getAndSet(false) && started - lastSweep < SWEEP_NANOS) {
      return;
    }
    lastSweep = started;
    for (long id : store.duePolls(now().minus(settings.spacing()), FLUSH_BATCH)) {
      transaction.executeWithoutResult(status -> writeIfDue(id));
    }
    if (store.anyDue()) {
      changedHere.set(true); // held back by the spacing (or just changed): look again next interval
    }
  }

  private void writeIfDue(long pollId) {
    Instant now = now();
    Optional<Long> last = store.lockIfDue(pollId, now.minus(settings.spacing()));
    if (last.isEmpty()) {
      return;
    }
    store.clearDue(pollId);
    Poll poll = polls.find(pollId).orElseThrow();
    Tally tally = polls.recount(pollId);
    if (tally.version() > last.get()) {
      write(poll, tally, now);
    }
  }

  /**
   * In a close's transaction, which holds the poll's row: waits for a writer of this poll's tally and keeps others
   * out until the close commits, so the final tally ({@link #writeFinal}) is the poll's last event.
   */
  void holdForClose(long pollId) {
    store.lock(pollId);
  }

  /**
   * In a close's transaction, which holds the poll's row ({@code FOR UPDATE}) and its tally row ({@link
   * #holdForClose}): the final tally, now, whatever the spacing. No ballot can follow it.
   */
  void writeFinal(Poll closed, Tally tally) {
    store.clearDue(closed.id());
    write(closed, tally, now());
  }

  private void write(Poll poll, Tally tally, Instant now) {
    outbox.append(EventType.VOTE_POLL_TALLIED, Long.toString(poll.id()), tally.version(),
        PollEvents.tally(poll, tally), PollEvents.tallied(poll));
    store.tallied(poll.id(), tally.version(), now);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
