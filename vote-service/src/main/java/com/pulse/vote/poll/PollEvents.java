package com.pulse.vote.poll;

import com.pulse.events.Announcement;
import com.pulse.events.Priority;
import java.time.Instant;
import java.util.List;

/**
 * What the poll's events carry and who they are for. Opened and closed go to {@code vote:polls}, so poll lists update
 * live; tallies go to the poll's own {@code vote:poll:{id}}, at LOW priority and untitled (a tally is a screen
 * update, not news).
 */
final class PollEvents {

  static final String POLLS = "vote:polls";

  private PollEvents() {}

  static String pollChannel(long pollId) {
    return "vote:poll:" + pollId;
  }

  /** The payload of {@code vote.poll.opened|closed} (schema {@code vote.poll:v1}). */
  record PollSnapshot(long pollId, String title, PollKind kind, PollStatus status, int maxChoices,
      ResultsVisibility resultsVisibility, List<Option> options, String createdBy, Instant createdAt,
      Instant closesAt, Instant closedAt, String closedBy, long version) {

    record Option(long optionId, String label) {}
  }

  /**
   * The payload of {@code vote.poll.tallied} (schema {@code vote.poll.tallied:v1}): counts only when everyone on the
   * poll's channel may see them ({@link Poll#countsPublic()}), so a live tally never shows what REST would hide.
   */
  record TallySnapshot(long pollId, PollKind kind, PollStatus status, long version, int totalVoters,
      boolean resultsVisible, List<Count> options) {

    record Count(long optionId, String label, Integer votes) {}
  }

  static PollSnapshot snapshot(Poll poll, List<PollOption> options, long version) {
    return new PollSnapshot(poll.id(), poll.title(), poll.kind(), poll.status(), poll.maxChoices(),
        poll.resultsVisibility(), options.stream().map(o -> new PollSnapshot.Option(o.id(), o.label())).toList(),
        poll.createdBy(), poll.createdAt(), poll.closesAt(), poll.closedAt(), poll.closedBy(), version);
  }

  static TallySnapshot tally(Poll poll, Tally tally) {
    boolean visible = poll.countsPublic();
    return new TallySnapshot(poll.id(), poll.kind(), poll.status(), tally.version(), tally.totalVoters(), visible,
        tally.options().stream()
            .map(o -> new TallySnapshot.Count(o.optionId(), o.label(), visible ? o.votes() : null)).toList());
  }

  static Announcement opened(Poll poll, List<PollOption> options) {
    String closes = poll.closesAt() == null ? "" : " · closes " + poll.closesAt();
    return Announcement.to(POLLS).titled("Poll opened: " + poll.title(), options.size() + " options" + closes);
  }

  static Announcement closed(Poll poll, Tally tally) {
    return Announcement.to(POLLS).titled("Poll closed: " + poll.title(), tally.totalVoters() + " voters");
  }

  static Announcement tallied(Poll poll) {
    return Announcement.to(pollChannel(poll.id())).withPriority(Priority.LOW);
  }
}
