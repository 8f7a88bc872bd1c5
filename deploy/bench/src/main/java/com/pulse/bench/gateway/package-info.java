/** What the gateway costs: the same load straight to a service and through the gateway ({@link GatewayOverhead}). */
package com.pulse.bench.gateway;
