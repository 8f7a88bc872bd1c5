/** journey-service through the gateway: action → {@code state_update} latency, call-next → board frame latency. */
package com.pulse.bench.journey;
