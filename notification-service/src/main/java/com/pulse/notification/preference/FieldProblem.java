package com.pulse.notification.preference;

/** One invalid field of a request, as RFC 9457 problem details list them under {@code errors}. */
public record FieldProblem(String field, String message) {}
