/**
 * Where routes lead: {@code lb://<service>} URIs resolved by Spring Cloud LoadBalancer (round robin) over the base
 * URLs configured under {@code pulse.gateway.services} (one or more per service).
 */
package com.pulse.gateway.routing;
