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
import org.springframework.transaction.annotation.Transactional;

/**
 * Casts, changes and retracts ballots. Each change runs under the poll's row lock: the ballot row, the options'
 * counts, the voter total, the poll's version and the audit line change together, so counts always equal a recount
 * of the ballots however many employees vote at once. The same ballot again changes nothing and writes nothing.
 */
@Service
class BallotService {

  private final PollStore polls;
  private final BallotStore ballots;
  private final Tallies tallies;
  private final Clock clock = Clock.systemUTC();

  BallotService(PollStore polls, BallotStore ballots, Tallies tallies) {
    this.polls = polls;
    this.ballots = ballots;
    this.tallies = tallies;
  }

  /**
   * The employee's ballot becomes {@code optionIds}. Checks, in order: the poll exists (404), the choices (400:
   * empty, repeated, not this poll's, more than it allows), the poll takes ballots (409).
   *
   * @return the ballot, ascending
   */
  @Transactional
  BallotView cast(long pollId, Caller voter, List<Long> optionIds) {
    Poll poll = polls.findLocked(pollId).orElseThrow(() -> PollProblems.notFound(pollId));
    List<Long> choices = checkedChoices(poll, optionIds);
    Instant now = now();
    if (!poll.takesBallots(now)) {
      throw PollProblems.closed(poll);
    }
    Optional<List<Long>> before = ballots.choices(pollId, voter.empNo());
    if (before.isPresent() && before.get().equals(choices)) {
      return new BallotView(pollId, voter.empNo(), choices, poll.version(), false);
    }
    Set<Long> removed = new HashSet<>(before.orElse(List.of()));
    choices.forEach(removed::remove);
    Set<Long> added = new HashSet<>(choices);
    before.ifPresent(added::removeAll);
    removed.forEach(option -> polls.addVotes(option, -1));
    added.forEach(option -> polls.addVotes(option, 1));
    ballots.upsert(pollId, voter.empNo(), voter.id(), choices, now);
    long version = poll.version() + 1;
    ballots.audit(pollId, voter.empNo(), voter.id(), before.orElse(null), choices, now, version);
    polls.changed(pollId, version, poll.totalVoters() + (before.isPresent() ? 0 : 1));
    tallies.changed(polls.find(pollId).orElseThrow());
    return new BallotView(pollId, voter.empNo(), choices, version, true);
  }

  /** Retracts the employee's ballot; nothing changes when they hold none. 409 when the poll is closed. */
  @Transactional
  boolean retract(long pollId, Caller voter) {
    Poll poll = polls.findLocked(pollId).orElseThrow(() -> PollProblems.notFound(pollId));
    Instant now = now();
    if (!poll.takesBallots(now)) {
      throw PollProblems.closed(poll);
    }
    Optional<List<Long>> before = ballots.choices(pollId, voter.empNo());
    if (before.isEmpty()) {
      return false;
    }
    before.get().forEach(option -> polls.addVotes(option, -1));
    ballots.delete(pollId, voter.empNo());
    long version = poll.version() + 1;
    ballots.audit(pollId, voter.empNo(), voter.id(), before.get(), null, now, version);
    polls.changed(pollId, version, poll.totalVoters() - 1);
    tallies.changed(polls.find(pollId).orElseThrow());
    return true;
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
