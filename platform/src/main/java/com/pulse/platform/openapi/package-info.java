/**
 * Every servlet service publishes its OpenAPI document at {@code /v3/api-docs} (springdoc), open without a token:
 * the gateway serves them together ({@code /api-docs/{service}}, with a Swagger UI) and {@code clients/js} generates
 * its REST types from them. The documents are deterministic (keys sorted, the server a relative "/") so a checked-in
 * copy can be compared with the running service.
 */
package com.pulse.platform.openapi;
