package com.pulse.bench.gateway;

/**
 * One round of {@link GatewaySocketMemory}: its sockets opened, held, closed.
 *
 * @param openCpu gateway CPU seconds while the sockets opened (handshakes, token checks, connects to the service)
 * @param closeCpu gateway CPU seconds while they closed
 * @param before the reading before it opened (the previous round's "closed", or the first "before")
 * @param open the reading while all its sockets were open
 * @param closed the reading after all were closed, and the service saw every close
 */
record SocketRound(int round, int sockets, double openSeconds, double closeSeconds, double openCpu,
    double closeCpu, MemoryReading before,
    MemoryReading open, MemoryReading closed) {

  double cpuMillisPerOpen() {
    return 1000 * openCpu / sockets;
  }

  double cpuMillisPerClose() {
    return 1000 * closeCpu / sockets;
  }

  /** Heap that one open proxied socket holds in the gateway, in bytes. */
  double heapPerOpenSocket() {
    return (double) (open.heap() - before.heap()) / sockets;
  }

  double rssPerOpenSocket() {
    return (double) (open.rss() - before.rss()) / sockets;
  }

  double directPerOpenSocket() {
    return (double) (open.direct() - before.direct()) / sockets;
  }
}
