/**
 * RFC 9457 problem details for everything the gateway answers itself — its own endpoints (token issuance, JWKS),
 * security rejections (via {@link com.pulse.gateway.web.ProblemWriter}), routing errors such as no route or a
 * service that is down, and what Netty or the firewall refuse — in the shared wording of {@code com.pulse.problems}.
 */
package com.pulse.gateway.web;
