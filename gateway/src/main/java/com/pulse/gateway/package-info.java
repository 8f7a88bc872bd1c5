/**
 * The gateway: Spring Cloud Gateway (reactive) with routes from {@code application.yml}, token issuance and JWKS
 * ({@link com.pulse.gateway.auth}), token validation on every routed request ({@link com.pulse.gateway.security}),
 * and RFC 9457 problem details for the gateway's own endpoints ({@link com.pulse.gateway.web}).
 */
package com.pulse.gateway;
