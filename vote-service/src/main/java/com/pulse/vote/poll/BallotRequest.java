package com.pulse.vote.poll;

import java.util.List;

/** {@code PUT /api/vote/polls/{id}/ballot}: the options chosen (checked by {@link BallotService}). */
record BallotRequest(List<Long> optionIds) {}
