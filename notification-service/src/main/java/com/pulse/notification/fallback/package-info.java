/**
 * Fallbacks for clients that cannot hold a WebSocket: Server-Sent Events at {@code /sse} with {@code Last-Event-ID}
 * resume, and {@code GET /api/notifications/events} for polling. Same channels, same authorization
 * (the {@link com.pulse.events.ChannelCatalog}), same positions as {@code /ws}.
 */
package com.pulse.notification.fallback;
