package com.pulse.spc.alert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/spc/alerts}: an alert raised by a person.
 *
 * @param alertType MANUAL unless given
 * @param priority 1–5; the type's default unless given
 */
record ManualAlertRequest(
    @NotNull @Min(1) Long productId,
    AlertType alertType,
    @Min(1) @Max(5) Integer priority,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 2000) String message) {}
