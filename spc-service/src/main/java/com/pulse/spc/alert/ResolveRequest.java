package com.pulse.spc.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/spc/alerts/{id}/resolve}: what caused it and what was done. */
record ResolveRequest(@NotBlank @Size(max = 2000) String cause, @NotBlank @Size(max = 2000) String action) {}
