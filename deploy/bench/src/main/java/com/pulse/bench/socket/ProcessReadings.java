package com.pulse.bench.socket;

import com.pulse.bench.JvmProbe;

/**
 * Memory of the service's JVM at one moment.
 *
 * @param heapAfterGc bytes of heap in use after a full GC: what the process's live objects take
 * @param rss resident bytes: heap committed, metaspace, thread stacks, Netty's buffers...
 */
record ProcessReadings(long heapAfterGc, long rss, int threads) {

  static ProcessReadings of(long pid) {
    JvmProbe probe = new JvmProbe(pid);
    return new ProcessReadings(probe.heapAfterGc(), probe.rss(), probe.threads());
  }

  double heapMb() {
    return heapAfterGc / 1048576.0;
  }

  double rssMb() {
    return rss / 1048576.0;
  }
}
