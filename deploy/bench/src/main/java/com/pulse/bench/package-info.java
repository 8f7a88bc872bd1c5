/**
 * End-to-end latency of the whole suite: a driver POSTs orders through the gateway at fixed rates while WebSocket
 * clients, also through the gateway, time each order's event from the moment its POST was due to be sent. Prints
 * markdown tables (per run, and the median of the runs) for {@code deploy/bench/RESULTS.md}.
 */
package com.pulse.bench;
