/**
 * Polls, their ballots and tallies: the REST API (polls, ballots, stats, audit), who may do what, the exact counts
 * and the events ({@code vote.poll.*} on {@code vote.polls.v1}, through the outbox).
 *
 * <p>Ballots of one poll do not queue behind each other (issue 14). A ballot shares the poll's row ({@code FOR
 * SHARE}) with every other voter and writes only its own rows: the voter's ballot, an audit line, a "tally due"
 * marker. A close takes the row {@code FOR UPDATE}: it waits for the ballots in flight, and a ballot after it waits
 * and is refused (409), so nothing is counted after a close. Counts, voters and the poll's version are recounted from
 * the ballots in one statement whenever they are read (stats, tallies, a close), so they are exact by construction;
 * the version is the poll's own version plus its number of ballot changes, so it grows by one per change and is the
 * stats' ETag. Live tallies ({@code vote.poll.tallied}, the whole tally and that version) are written by one
 * {@link com.pulse.vote.poll.TallyWriter} per poll at a time, coalesced: at most a configured number per poll per
 * second, each one a fresh recount, the last one always the exact final tally.
 */
package com.pulse.vote.poll;
