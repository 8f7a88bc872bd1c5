/**
 * Security: every request needs a valid RS256 token from the gateway except health and metrics; WebSocket
 * handshakes may carry it as the {@code access_token} query parameter. Refusals are RFC 9457 problem details.
 */
package com.pulse.notification.config;
