package com.pulse.ocs.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an order is cancelled; required. */
record CancelOrderRequest(@NotBlank @Size(max = 500) String reason) {}
