package com.pulse.bench.gateway;

/**
 * One wrk run against one target.
 *
 * @param side {@link #DIRECT} or {@link #GATEWAY}
 * @param load the 1-minute load average at the end of the run
 */
record ThroughputRun(int run, String side, WrkResult result, ProcessCpu.Usage cpu, double load) {

  static final String DIRECT = "direct";
  static final String GATEWAY = "gateway";
}
