package com.pulse.bench.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run printed. Latencies in milliseconds. wrk prints the non-2xx line (it counts
 * statuses of 400 and above) and the socket-error line only when there were any; absent means zero.
 *
 * @param socketErrors connect + read + write + timeout
 * @param socketErrorKinds wrk's own breakdown, e.g. {@code connect 0, read 3, write 0, timeout 0}; empty when none
 */
record WrkResult(double requestsPerSecond, long requests, double seconds, double p50, double p75, double p90,
    double p99, double max, long non2xx, long socketErrors, String socketErrorKinds) {

  private static final String TIME = "([\\d.]+)(us|ms|s|m|h)";
  private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)(?:\\.0+)?%\\s+" + TIME + "\\s*$",
      Pattern.MULTILINE);
  private static final Pattern THREAD_LATENCY = Pattern.compile("^\\s*Latency\\s+" + TIME + "\\s+" + TIME + "\\s+"
      + TIME, Pattern.MULTILINE);
  private static final Pattern PER_SECOND = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
  private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in " + TIME, Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile(
      "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** @throws IllegalArgumentException when the output lacks the rate, the total or a percentile */
  static WrkResult parse(String output) {
    double[] percentiles = new double[4];
    int found = 0;
    Matcher percentile = PERCENTILE.matcher(output);
    while (percentile.find()) {
      int index = switch (percentile.group(1)) {
        case "50" -> 0;
        case "75" -> 1;
        case "90" -> 2;
        default -> 3;
      };
      percentiles[index] = millis(percentile.group(2), percentile.group(3));
      found |= 1 << index;
    }
    Matcher perSecond = PER_SECOND.matcher(output);
    Matcher total = TOTAL.matcher(output);
    if (found != 0b1111 || !perSecond.find() || !total.find()) {
      throw new IllegalArgumentException("not the output of wrk --latency:\n" + output);
    }
    Matcher thread = THREAD_LATENCY.matcher(output);
    double max = thread.find() ? millis(thread.group(5), thread.group(6)) : Double.NaN;
    Matcher non2xx = NON_2XX.matcher(output);
    Matcher errors = SOCKET_ERRORS.matcher(output);
    long socketErrors = 0;
    String kinds = "";
    if (errors.find()) {
      kinds = errors.group().substring("Socket errors: ".length());
      for (int group = 1; group <= 4; group++) {
        socketErrors += Long.parseLong(errors.group(group));
      }
    }
    return new WrkResult(Double.parseDouble(perSecond.group(1)), Long.parseLong(total.group(1)),
        millis(total.group(2), total.group(3)) / 1000, percentiles[0], percentiles[1], percentiles[2],
        percentiles[3], max, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors, kinds);
  }

  private static double millis(String value, String unit) {
    double number = Double.parseDouble(value);
    return switch (unit) {
      case "us" -> number / 1000;
      case "ms" -> number;
      case "s" -> number * 1000;
      case "m" -> number * 60_000;
      default -> number * 3_600_000;
    };
  }
}
