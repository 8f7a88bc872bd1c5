package com.pulse.problems;

/**
 * One invalid field of a request — a JSON path such as {@code items[0].label}, a query parameter or a header — and
 * what is wrong with it. Listed under a problem's {@code errors}: {@code [{"field":…,"message":…}]}.
 */
public record FieldProblem(String field, String message) {}
