package com.pulse.ocs.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a worker sends to complete an order: its result. */
record CompleteOrderRequest(@NotBlank @Size(max = 4000) String result) {}
