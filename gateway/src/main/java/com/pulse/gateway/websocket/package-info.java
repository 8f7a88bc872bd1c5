/**
 * WebSockets done right: the gateway's own proxy (close codes and reasons relayed both ways, frames relayed with
 * exact reference counting and backpressure), a frame limit that closes with 1009 and logs it (never a silent drop),
 * pings proxied instead of idle cuts, and an {@code Origin} allowlist for browser handshakes.
 */
package com.pulse.gateway.websocket;
