/**
 * End-to-end latency of the whole suite: a driver POSTs orders through the gateway at fixed rates while WebSocket
 * clients, also through the gateway, time each order's event from the moment its POST was due to be sent. Prints
 * markdown tables (per run, and the median of the runs) for {@code deploy/bench/RESULTS.md}. Shared by the domain
 * benchmarks ({@code spc}, {@code journey}, {@code vote}): the stack under test ({@link StackUnderTest}), tokens
 * signed with its key, sockets, and the CPU of each process per unit of work ({@link StackCpu}).
 */
package com.pulse.bench;
