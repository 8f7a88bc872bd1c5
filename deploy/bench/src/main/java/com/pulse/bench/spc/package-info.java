/**
 * spc-service through the gateway: ingest, value → frame latency, and the cost of judging a value as the history
 * grows.
 */
package com.pulse.bench.spc;
