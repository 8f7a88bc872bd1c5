/**
 * Strict JSON for every request body: what the client wrote is what the service reads, or the request is refused
 * naming the field. No scalar coercion ({@code "jobRole": 1} is not LIS, {@code "patientId": 1.5} not "1.5"), no
 * numbers for enums, no duplicate keys, no trailing content, no control characters or unpaired surrogates in
 * strings (PostgreSQL refuses the first and mangles the second). {@link com.pulse.problems.json.StrictJson}
 * configures a {@code JsonMapper}; Boot's is configured by {@code com.pulse.problems.boot}.
 */
package com.pulse.problems.json;
