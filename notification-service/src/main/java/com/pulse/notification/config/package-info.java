/**
 * Security and errors: every request needs a valid RS256 token from the gateway except health and metrics (WebSocket
 * handshakes and event streams may carry it as the {@code access_token} query parameter), and every error — a
 * refusal, bad input, an unknown path, a request Netty cannot decode — is an RFC 9457 problem in the words all of
 * Pulse uses ({@code com.pulse.problems}). Tracing is off unless an OTLP endpoint is configured
 * ({@link com.pulse.notification.config.TracingDefaults}).
 */
package com.pulse.notification.config;
