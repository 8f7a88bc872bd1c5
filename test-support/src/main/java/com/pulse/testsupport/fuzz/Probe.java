package com.pulse.testsupport.fuzz;

import java.util.Map;

/**
 * One spoiled request.
 *
 * @param mustRefuse the input can never be valid: the answer must be a 4xx, not just any non-5xx
 */
record Probe(String name, String method, String target, Map<String, String> headers, byte[] body,
    boolean mustRefuse) {}
