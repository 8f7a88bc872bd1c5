/**
 * Seed 004's {@code check_state_health}, on demand ({@code GET /api/journey/admin/consistency}, ADMIN) and
 * periodically (one instance at a time, ShedLock), its counts exported as gauges
 * ({@code pulse.journey.consistency.issues{kind}}) for an alert rule. By construction it finds nothing; it reads the
 * tables directly so that it also sees what the service did not write.
 */
package com.pulse.journey.consistency;
