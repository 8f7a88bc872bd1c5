/**
 * Quality alerts: raised automatically by judging measurements and analyses (OUT_OF_SPEC, OUT_OF_CONTROL for test 1,
 * RUN_RULE_VIOLATION for tests 2–8, LOW_CAPABILITY) or by hand; OPEN → ACKNOWLEDGED → RESOLVED, each step with who and
 * when. At most one OPEN automatic alert per product, type and test (a partial unique index): a repeat is counted on
 * it, not raised again, so a drifting line cannot flood anyone. Every change is an {@code spc.alert.*} event to
 * {@code spc:alerts} and {@code spc:product:{id}}, with the alert's priority and title for inboxes and preferences.
 */
package com.pulse.spc.alert;
