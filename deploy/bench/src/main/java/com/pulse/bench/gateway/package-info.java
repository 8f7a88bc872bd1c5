/**
 * What the gateway costs. {@link com.pulse.bench.gateway.GatewayOverhead}: latency of the same POSTs at a fixed
 * rate straight to a service and through an already running gateway. {@link
 * com.pulse.bench.gateway.GatewayThroughput}: capacity, {@code wrk} at full speed straight to a stand-in service and
 * through a gateway it starts itself. {@link com.pulse.bench.gateway.GatewaySocketMemory}: the gateway's memory
 * after thousands of proxied WebSockets were opened and closed, and what one open socket holds.
 */
package com.pulse.bench.gateway;
