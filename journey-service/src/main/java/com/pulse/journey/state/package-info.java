/**
 * The one state model of the patient journey and the exam queues: pure, no Spring, no I/O.
 *
 * <p>Seed 004's team kept three copies of the state (journey, queue, EMR sync) and let front-ends copy the
 * transition table; this package is the only copy. The table of seed 004 ({@code STATE_TRANSITIONS} and the
 * queue↔journey mappings) is data in one class, {@code StateTable}; {@link com.pulse.journey.state.StateMachine}
 * reads it to decide actions, list the available actions and publish the definitions document, so nothing else
 * spells a transition. The queue helpers ({@link com.pulse.journey.state.CallOrder},
 * {@link com.pulse.journey.state.EstimatedWait}, {@link com.pulse.journey.state.Consistency}) take everything they
 * need as arguments (the clock, counts, recent times), so the service that stores, locks and announces can test them
 * without a database. Where the seed is ambiguous and what was chosen: {@code journey-service/STATE-MODEL.md}.
 */
package com.pulse.journey.state;
