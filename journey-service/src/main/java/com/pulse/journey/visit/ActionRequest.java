package com.pulse.journey.visit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * One action, as seed 004's clients send it: {@code {"action_type": "confirm_arrival", "payload": {"exam_id":
 * "XRAY"}}}. The payload is what the action needs ({@code exam_id} to join a queue, optionally {@code room_id} to call
 * to a room) and is kept in the transition log as sent.
 */
public record ActionRequest(@NotBlank @Size(max = 64) String action_type, @Size(max = 20) Map<String, Object> payload) {}
