package com.pulse.bench.spc;

import com.pulse.bench.BenchHttp;
import com.pulse.bench.GatewayTokens;
import com.pulse.bench.StackCpu;
import com.pulse.bench.StackUnderTest;

/** What every part of the SPC benchmark uses: the stack, its HTTP client, the two users, products, CPU readings. */
record SpcContext(StackUnderTest stack, BenchHttp http, String quality, String operator, SpcProducts products,
    StackCpu cpu) {

  /** {@code qa.jung} (QUALITY) creates products and watches; {@code op.han} (OPERATOR) records. */
  static SpcContext of(StackUnderTest stack) throws Exception {
    BenchHttp http = new BenchHttp(stack.gatewayUrl());
    String quality = GatewayTokens.fetch(stack.gatewayUrl(), "qa.jung");
    return new SpcContext(stack, http, quality, GatewayTokens.fetch(stack.gatewayUrl(), "op.han"),
        new SpcProducts(http, quality), stack.cpu());
  }
}
