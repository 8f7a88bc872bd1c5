package com.pulse.vote.poll;

import java.time.Instant;
import java.util.List;

/**
 * One line of a poll's ballot audit: who changed their ballot, from what, to what, when.
 *
 * @param from the choices before; null for a first ballot
 * @param to the choices after; null for a retraction
 * @param version the poll's version once this change and every one logged before it counted
 */
record BallotChange(String empNo, String userId, List<Long> from, List<Long> to, Instant changedAt, long version) {}
