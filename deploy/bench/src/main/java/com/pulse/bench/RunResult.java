package com.pulse.bench;

import org.HdrHistogram.Histogram;

/**
 * One timed run at one rate.
 *
 * @param targetRate orders per second the driver was asked to create
 * @param achievedRate commands per second answered with success, over the run's length
 * @param accepted commands answered with success (each makes one event)
 * @param rejected commands answered otherwise or failed
 * @param expected deliveries expected: accepted × sockets
 * @param delivered deliveries seen on the sockets
 * @param latencyMicros POST due → event frame on a socket, per delivery
 * @param answerMicros POST due → its 201 answer, per accepted POST
 */
record RunResult(int targetRate, double achievedRate, long accepted, long rejected, long expected, long delivered,
    Histogram latencyMicros, Histogram answerMicros) {

  long lost() {
    return Math.max(0, expected - delivered);
  }

  double percentileMillis(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double answerPercentileMillis(double percentile) {
    return answerMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxMillis() {
    return latencyMicros.getMaxValue() / 1000.0;
  }
}
