/**
 * Every domain service validates the caller's token itself (defence in depth behind the gateway): RS256 JWTs checked
 * against the gateway's JWKS and issuer, roles as the identity contract reads them, and 401/403 answered as RFC 9457
 * problem details. Controllers take the caller as a {@link com.pulse.identity.Caller} parameter, read by the identity contract.
 */
package com.pulse.platform.security;
