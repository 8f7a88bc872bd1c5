/**
 * WebSockets done right: a frame limit that closes with 1009 and logs it (never a silent drop), pings proxied
 * instead of idle cuts, closes propagated both ways by Spring Cloud Gateway, and an {@code Origin} allowlist for
 * browser handshakes.
 */
package com.pulse.gateway.websocket;
