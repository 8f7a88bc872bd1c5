/**
 * Limits at the door, all in memory: request rate per user (per IP when anonymous), new WebSocket handshakes per
 * caller, request body size. Over a limit the answer is a problem: 429 with {@code Retry-After}, or 413.
 */
package com.pulse.gateway.limits;
