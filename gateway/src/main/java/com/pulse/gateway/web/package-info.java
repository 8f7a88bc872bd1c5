/**
 * RFC 9457 problem details for everything the gateway answers itself: its own endpoints (token issuance, JWKS),
 * security rejections (via {@link com.pulse.gateway.web.ProblemWriter}), and routing errors such as no route or a
 * service that is down.
 */
package com.pulse.gateway.web;
