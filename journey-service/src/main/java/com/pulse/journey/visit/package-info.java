/**
 * Today's visit: a patient's journey and the exam queues it passes through, as one aggregate per patient. Every
 * change is an action decided by {@link com.pulse.journey.state.StateMachine} and carried out by
 * {@link com.pulse.journey.visit.JourneyService} in one transaction: the patient's row locked first, then the queue's
 * (the exam row), so actions on one patient never interleave and two changes of one queue are ordered; the journey
 * state, the queue entry, the transition log and the outbox events commit together. Queues live here too because a
 * queue change is always a patient's change (call-next calls a patient; a patient's action moves the board).
 */
package com.pulse.journey.visit;
