package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.identity.JobRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a doctor sends to order work; the doctor is the caller. */
record CreateOrderRequest(
    @NotBlank @Size(max = 64) String patientId,
    @NotNull JobRole jobRole,
    @NotBlank @Size(max = 64) String orderCode,
    OrderPriority priority,
    @Size(max = 2000) String notes) {}
