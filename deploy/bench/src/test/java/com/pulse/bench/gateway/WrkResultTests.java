package com.pulse.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkResultTests {

  private static final String CLEAN = """
      Running 10s test @ http://127.0.0.1:40409/api/ocs/orders
        1 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   612.45us    1.02ms  40.12ms   97.35%
          Req/Sec    36.60k     2.11k   39.80k    81.00%
        Latency Distribution
           50%  412.00us
           75%  589.00us
           90%    0.93ms
           99%    5.24ms
        364211 requests in 10.00s, 45.85MB read
      Requests/sec:  36420.01
      Transfer/sec:      4.58MB
      """;

  private static final String TROUBLED = """
      Running 3s test @ http://127.0.0.1:45031/api/ocs/orders
        1 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   574.33ms  400.12ms    1.96s    70.00%
          Req/Sec    46.00     20.00    102.00     60.00%
        Latency Distribution
           50%  574.33ms
           75%  745.44ms
           90%    1.05s
           99%    1.89s
        140 requests in 3.01s, 40.00KB read
        Socket errors: connect 0, read 2, write 0, timeout 1
        Non-2xx or 3xx responses: 12
      Requests/sec:     46.51
      Transfer/sec:     13.29KB
      """;

  @Test
  void readsRateTotalAndPercentilesInMilliseconds() {
    WrkResult result = WrkResult.parse(CLEAN);

    assertThat(result.requestsPerSecond()).isEqualTo(36420.01);
    assertThat(result.requests()).isEqualTo(364211);
    assertThat(result.seconds()).isCloseTo(10.0, within(1e-9));
    assertThat(result.p50()).isCloseTo(0.412, within(1e-9));
    assertThat(result.p75()).isCloseTo(0.589, within(1e-9));
    assertThat(result.p90()).isCloseTo(0.93, within(1e-9));
    assertThat(result.p99()).isCloseTo(5.24, within(1e-9));
    assertThat(result.max()).isCloseTo(40.12, within(1e-9));
    assertThat(result.non2xx()).isZero();
    assertThat(result.socketErrors()).isZero();
    assertThat(result.socketErrorKinds()).isEmpty();
  }

  @Test
  void readsSecondsErrorsAndRejectedAnswers() {
    WrkResult result = WrkResult.parse(TROUBLED);

    assertThat(result.p90()).isCloseTo(1050, within(1e-9));
    assertThat(result.p99()).isCloseTo(1890, within(1e-9));
    assertThat(result.max()).isCloseTo(1960, within(1e-9));
    assertThat(result.seconds()).isCloseTo(3.01, within(1e-9));
    assertThat(result.socketErrors()).isEqualTo(3);
    assertThat(result.socketErrorKinds()).isEqualTo("connect 0, read 2, write 0, timeout 1");
    assertThat(result.non2xx()).isEqualTo(12);
  }

  @Test
  void refusesOutputWithoutTheLatencyDistribution() {
    String withoutLatency = CLEAN.lines().filter(line -> !line.contains("%  ")).reduce("", (a, b) -> a + b + "\n");

    assertThatIllegalArgumentException().isThrownBy(() -> WrkResult.parse(withoutLatency))
        .withMessageContaining("wrk --latency");
  }

  @Test
  void scriptSendsTheOrderWithTokenAndContentType() {
    assertThat(Wrk.script("POST", "abc.def"))
        .contains("wrk.method = \"POST\"", "wrk.body = [[" + Wrk.ORDER + "]]",
            "wrk.headers[\"Content-Type\"] = \"application/json\"",
            "wrk.headers[\"Authorization\"] = \"Bearer abc.def\"");
    assertThat(Wrk.script("GET", "abc.def")).doesNotContain("wrk.body", "Content-Type");
  }
}
