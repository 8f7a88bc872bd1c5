package com.pulse.vote.poll;

import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Opens and closes polls and reads them; each change and its events in one transaction. */
@Service
class PollService {

  private static final int LIST_LIMIT = 200;

  private final PollStore polls;
  private final BallotStore ballots;
  private final TallyWriter tallies;
  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  PollService(PollStore polls, BallotStore ballots, TallyWriter tallies, Outbox outbox) {
    this.polls = polls;
    this.ballots = ballots;
    this.tallies = tallies;
    this.outbox = outbox;
  }

  /** A new OPEN poll; {@code vote.poll.opened} on {@code vote:polls}. The request is checked by the caller. */
  @Transactional
  PollView open(CreatePollRequest request, String createdBy) {
    int maxChoices = request.maxChoices() == null ? 1 : request.maxChoices();
    ResultsVisibility visibility = request.resultsVisibility() == null ? ResultsVisibility.LIVE
        : request.resultsVisibility();
    long id = polls.insert(request, maxChoices, visibility, createdBy, now());
    Poll poll = polls.find(id).orElseThrow();
    List<PollOption> options = polls.options(id);
    outbox.append(EventType.VOTE_POLL_OPENED, Long.toString(id), poll.baseVersion(),
        PollEvents.snapshot(poll, options, poll.baseVersion()), PollEvents.opened(poll, options));
    return PollView.of(poll, options, poll.baseVersion());
  }

  /**
   * Closes a poll: {@code vote.poll.closed} on {@code vote:polls} at the next version, then the final tally (now with
   * counts for everyone) on {@code vote:poll:{id}} at the one after, so the last tally a screen gets is the final one.
   * The poll's row {@code FOR UPDATE} waits for every ballot in flight and makes every later one wait and then see the
   * poll closed (409); its tally row waits for a tally writer, so the final tally is the poll's last event.
   *
   * @param closedBy the user who closes it, or null when it closes at its {@code closesAt}
   * @param check what the caller must be allowed to do, checked on the locked poll
   */
  @Transactional
  PollView close(long id, String closedBy, java.util.function.Consumer<Poll> check) {
    Poll current = polls.findLocked(id).orElseThrow(() -> PollProblems.notFound(id));
    check.accept(current);
    if (!current.open()) {
      throw PollProblems.alreadyClosed(current);
    }
    tallies.holdForClose(id);
    polls.close(id, current.baseVersion() + 2, closedBy, now());
    Poll closed = polls.find(id).orElseThrow();
    List<PollOption> options = polls.options(id);
    Tally tally = polls.recount(id);
    outbox.append(EventType.VOTE_POLL_CLOSED, Long.toString(id), tally.version() - 1,
        PollEvents.snapshot(closed, options, tally.version() - 1), PollEvents.closed(closed, tally));
    tallies.writeFinal(closed, tally);
    return PollView.of(closed, options, tally.version());
  }

  /** Open polls whose closing time has come (for the closer). */
  @Transactional(readOnly = true)
  List<Long> due() {
    return polls.due(now(), 100);
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Optional<PollView> find(long id) {
    return polls.find(id).map(poll -> PollView.of(poll, polls.options(id), polls.versions(List.of(id)).get(id)));
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  List<PollView> list(PollStatus status) {
    List<Poll> found = polls.list(status, LIST_LIMIT);
    Map<Long, Long> versions = polls.versions(found.stream().map(Poll::id).toList());
    return found.stream().map(poll -> PollView.of(poll, polls.options(poll.id()), versions.get(poll.id()))).toList();
  }

  /** The tally as {@code caller} may see it; one snapshot, so the version and the counts belong together. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  StatsView stats(long id, com.pulse.identity.Caller caller) {
    Poll poll = polls.find(id).orElseThrow(() -> PollProblems.notFound(id));
    List<Long> mine = PollAccess.mayVote(caller) ? ballots.choices(id, caller.empNo()).orElse(null) : null;
    return StatsView.of(poll, polls.recount(id), mine, PollAccess.seesCounts(caller, poll, mine));
  }

  @Transactional(readOnly = true)
  List<BallotChange> audit(long id, int limit) {
    polls.find(id).orElseThrow(() -> PollProblems.notFound(id));
    return ballots.changes(id, limit);
  }

  /** PostgreSQL keeps microseconds: truncate so what we return equals what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
