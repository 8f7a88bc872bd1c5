package com.pulse.local;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One domain service of the local stack: its module (and jar), its database, its port, and the variable the gateway
 * reads its address from. Adding a domain service to the stack is one line in {@link #ALL}.
 */
record DomainService(String module, String database, ToIntFunction<LocalStackOptions.Ports> port, String gatewayUrl) {

  static final List<DomainService> ALL = List.of(
      new DomainService("ocs-service", "ocs", LocalStackOptions.Ports::ocs, "OCS_URL"),
      new DomainService("vote-service", "vote", LocalStackOptions.Ports::vote, "VOTE_URL"));
}
