/**
 * Resilience4j behind the routes: a circuit breaker and a time limit per route, so that a service that is down or
 * slow costs the client a fast 503 or 504 problem instead of a hung request.
 */
package com.pulse.gateway.resilience;
