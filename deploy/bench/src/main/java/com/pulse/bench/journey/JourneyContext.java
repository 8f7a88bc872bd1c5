package com.pulse.bench.journey;

import com.pulse.bench.BenchHttp;
import com.pulse.bench.GatewayTokens;
import com.pulse.bench.StackCpu;
import com.pulse.bench.StackUnderTest;

/** What both journey measurements use: the stack, its HTTP client, the nurse who calls patients, CPU readings. */
record JourneyContext(StackUnderTest stack, BenchHttp http, String nurse, StackCpu cpu) {

  static JourneyContext of(StackUnderTest stack) throws Exception {
    return new JourneyContext(stack, new BenchHttp(stack.gatewayUrl()),
        GatewayTokens.fetch(stack.gatewayUrl(), "nurse.yoon"), stack.cpu());
  }
}
