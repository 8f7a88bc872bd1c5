/**
 * The {@code /ws} endpoint and its protocol (README, "Protocol"): a {@link com.pulse.notification.socket.Connection}
 * per socket with a bounded send queue, server frames ({@code connected}, {@code event}, {@code pong},
 * {@code error}), client commands by frame {@code type}, one shared heartbeat, and close codes.
 */
package com.pulse.notification.socket;
