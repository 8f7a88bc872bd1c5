package com.pulse.journey.visit;

import com.pulse.journey.state.JourneyState;

/**
 * A patient as the journey sees them.
 *
 * @param userId the login their token carries ({@code sub}): the {@code user:} channel of "you are called"
 * @param version how many events were announced about them: the sequence of the next one is {@code version + 1}
 */
record Patient(String patientId, String userId, String name, JourneyState state, long version) {}
