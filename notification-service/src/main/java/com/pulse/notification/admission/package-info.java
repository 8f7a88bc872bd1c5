/**
 * How many connections are open, over WebSocket and SSE alike: the per-instance and per-user limits both transports
 * share, and the connections gauge. Knows neither transport.
 */
package com.pulse.notification.admission;
