/**
 * The one security contract of Pulse: the claim names a token carries ({@link com.pulse.identity.Claims}), the roles
 * and job roles ({@link com.pulse.identity.Role}, {@link com.pulse.identity.JobRole}), the caller a token describes
 * ({@link com.pulse.identity.Caller}) and how claims are read into it ({@link com.pulse.identity.CallerReader}), for
 * Pulse's own tokens and an OIDC issuer's alike.
 *
 * <p>Written once because it was written four times and drifted: one service accepted any {@code jobRole} value,
 * another only RIS or LIS. Now an unknown role or job role is ignored everywhere the same way, and logged once.
 */
package com.pulse.identity;
