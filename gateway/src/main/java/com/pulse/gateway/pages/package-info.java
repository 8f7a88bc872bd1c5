/**
 * What the gateway shows a person rather than a program, all open without a token: the Pulse console
 * ({@code /console/}, built from {@code clients/js} and served from the classpath), every service's OpenAPI document
 * ({@code /api-docs/<service>}, proxied from the service's {@code /v3/api-docs}) and a Swagger UI over them
 * ({@code /api-docs/}). These pages get their own content security policy: scripts and connections to the gateway's
 * own origin only.
 */
package com.pulse.gateway.pages;
