/**
 * Token validation at the door: every request except token issuance and refresh, JWKS, health and metrics needs a
 * valid RS256 JWT from this gateway (signature checked against its own public key in memory, issuer and expiry
 * checked), or from the configured external OIDC issuer. Validated tokens are remembered until they expire; revoked
 * ones (signed out) are refused. WebSocket handshakes and SSE may carry the token in the {@code access_token} query
 * parameter, since browsers cannot set headers on them; everything else must use the {@code Authorization} header.
 * Rejections are RFC 9457 problem details. The token travels on unchanged: every service validates it again. CORS
 * and the security headers for browsers are set here too.
 */
package com.pulse.gateway.security;
