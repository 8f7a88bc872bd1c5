/**
 * Token validation at the door: every request except token issuance, JWKS, health and metrics needs a valid RS256
 * JWT from this gateway (signature checked against its own public key in memory, issuer and expiry checked).
 * WebSocket handshakes may carry the token in the {@code access_token} query parameter, since browsers cannot set
 * headers on them; everything else must use the {@code Authorization} header. Rejections are RFC 9457 problem
 * details. The token travels on unchanged: every service validates it again.
 */
package com.pulse.gateway.security;
