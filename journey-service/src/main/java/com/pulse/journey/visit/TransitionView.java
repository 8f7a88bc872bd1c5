package com.pulse.journey.visit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of a patient's transition log ({@code GET /api/journey/patients/{id}/transitions}).
 *
 * @param actor_id who acted: the patient's login, the staff member's, or the system's
 * @param trigger {@code patient_action}, {@code staff_action}, {@code nfc_tag} or {@code queue_sync}
 * @param payload the action's payload as sent, or null
 */
public record TransitionView(long id, String actor_id, String actor, String action, String from_state, String to_state,
    String trigger, UUID queue_id, @JsonRawValue String payload, Instant occurred_at) {}
