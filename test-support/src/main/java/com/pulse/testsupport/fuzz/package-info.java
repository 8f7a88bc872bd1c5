/**
 * A fuzz test any service runs over its own endpoints ({@link com.pulse.testsupport.fuzz.ApiFuzz}): each endpoint
 * is given a valid sample, and every field, parameter, path variable, content type and method is spoiled in turn
 * (control characters, unpaired surrogates, broken UTF-8, huge numbers, wrong JSON types, duplicate keys, deep
 * nesting, huge bodies, odd methods). The service must never answer 5xx or hang, and every error it gives must be an
 * {@code application/problem+json} problem; input that can never be valid must be refused with a 4xx.
 */
package com.pulse.testsupport.fuzz;
