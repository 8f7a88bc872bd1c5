/**
 * Polls, their ballots and tallies: the REST API (polls, ballots, stats, audit), who may do what, the exact counts
 * (changed with the ballot, under the poll's row lock), and the events ({@code vote.poll.*} on {@code vote.polls.v1},
 * written through the outbox in the transaction that changes the poll). Live tallies are coalesced by
 * {@link com.pulse.vote.poll.Tallies}: at most a configured number per poll per second, the last one always exact.
 * One feature, one package: a ballot, a close and a tally all change the same poll row.
 */
package com.pulse.vote.poll;
