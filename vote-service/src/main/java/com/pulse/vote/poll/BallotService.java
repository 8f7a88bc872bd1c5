package com.pulse.vote.poll;

import com.pulse.identity.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Casts, changes and retracts ballots, each in one short transaction that shares the poll with every other voter: it
 * reads the poll's row {@code FOR SHARE} (a close waits for it, and it for a close: never a ballot after the close),
 * takes the voter's own lock, then writes only the voter's ballot row, an audit line and a "tally due" marker. No row
 * is written by two voters, so ballots of one poll run side by side; counts are recounted from the ballots when read
 * ({@link PollStore#recount}), and live tallies are written, coalesced, by the {@link TallyWriter}. The same ballot
 * again changes nothing and writes nothing.
 */
@Service
class BallotService {

  private final PollStore polls;
  private final BallotStore ballots;
  private final TallyWriter tallies;
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();

  BallotService(PollStore polls, BallotStore ballots, TallyWriter tallies, PlatformTransactionManager transactions) {
    this.polls = polls;
    this.ballots = ballots;
    this.tallies = tallies;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * The employee's ballot becomes {@code optionIds}. Checks, in order: the poll exists (404), the choices (400:
   * empty, repeated, not this poll's, more than it allows), the poll takes ballots (409).
   *
   * @return the ballot, ascending, with the poll's version read once it committed
   */
  BallotView cast(long pollId, Caller voter, List<Long> optionIds) {
    BallotView written = transaction.execute(status -> write(pollId, voter, optionIds));
    return new BallotView(pollId, voter.empNo(), written.optionIds(), polls.versions(List.of(pollId)).get(pollId),
        written.changed());
  }

  /** Retracts the employee's ballot; nothing changes when they hold none. 409 when the poll is closed. */
  boolean retract(long pollId, Caller voter) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      Poll poll = polls.findShared(pollId).orElseThrow(() -> PollProblems.notFound(pollId));
      Instant now = now();
      if (!poll.takesBallots(now)) {
        throw PollProblems.closed(poll);
      }
      ballots.lockVoter(pollId, voter.empNo());
      Optional<List<Long>> before = ballots.choices(pollId, voter.empNo());
      if (before.isEmpty()) {
        return false;
      }
      ballots.delete(pollId, voter.empNo());
      ballots.audit(pollId, voter.empNo(), voter.id(), before.get(), null, now);
      tallies.changed(pollId);
      return true;
    }));
  }

  /** The ballot's transaction; the version is left 0 (it is known only once the transaction committed). */
  private BallotView write(long pollId, Caller voter, List<Long> optionIds) {
    Poll poll = polls.findShared(pollId).orElseThrow(() -> PollProblems.notFound(pollId));
    List<Long> choices = checkedChoices(poll, optionIds);
    Instant now = now();
    if (!poll.takesBallots(now)) {
      throw PollProblems.closed(poll);
    }
    ballots.lockVoter(pollId, voter.empNo());
    Optional<List<Long>> before = ballots.choices(pollId, voter.empNo());
    if (before.isPresent() && before.get().equals(choices)) {
      return new BallotView(pollId, voter.empNo(), choices, 0, false);
    }
    ballots.upsert(pollId, voter.empNo(), voter.id(), choices, now);
    ballots.audit(pollId, voter.empNo(), voter.id(), before.orElse(null), choices, now);
    tallies.changed(pollId);
    return new BallotView(pollId, voter.empNo(), choices, 0, true);
  }

  private List<Long> checkedChoices(Poll poll, List<Long> optionIds) {
    if (optionIds == null || optionIds.isEmpty()) {
      throw PollProblems.invalid("optionIds", "must name at least one option");
    }
    Set<Long> options = new HashSet<>(polls.options(poll.id()).stream().map(PollOption::id).toList());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < optionIds.size(); i++) {
      Long id = optionIds.get(i);
      if (id == null || !options.contains(id)) {
        throw PollProblems.invalid("optionIds[" + i + "]", "is not an option of poll " + poll.id());
      }
      if (!seen.add(id)) {
        throw PollProblems.invalid("optionIds[" + i + "]", "names option " + id + " twice");
      }
    }
    if (optionIds.size() > poll.maxChoices()) {
      throw PollProblems.invalid("optionIds", "names " + optionIds.size() + " options; poll " + poll.id()
          + " allows at most " + poll.maxChoices());
    }
    return optionIds.stream().sorted().toList();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
