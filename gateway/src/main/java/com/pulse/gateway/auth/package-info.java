/**
 * Identity: a configured user directory ({@code pulse.auth.users}, bcrypt hashes), {@code POST /auth/token} issuing
 * RS256 access tokens with rotating refresh tokens ({@code POST /auth/refresh}), sign-out revoking both
 * ({@code POST /auth/logout}), a brake on repeated failed sign-ins, and the signing key's public half published at
 * {@code GET /.well-known/jwks.json} so that every service validates tokens itself. The key lives in a JWK file
 * ({@code pulse.auth.key-file}) created on first start, or in memory when no file is configured.
 */
package com.pulse.gateway.auth;
