package com.pulse.bench.gateway;

/**
 * The gateway's memory at one moment, right after a full GC. Sizes in bytes; {@code nativeOther} is NaN unless
 * native memory tracking is on.
 *
 * @param label {@code before}, {@code open} (a round's sockets all open) or {@code closed} (all closed again)
 * @param heap heap used after the full GC: what is still reachable
 * @param direct the JVM's direct buffer pool (NIO buffers, Netty's unless it allocates them itself)
 * @param nativeOther NMT's "Other" committed (where direct memory outside the JVM's buffer pool lands)
 * @param fds open file descriptors: two per proxied socket (client side, service side)
 */
record MemoryReading(String label, int round, long openedSoFar, long openNow, long heap, long direct,
    double nativeOther, long rss, int threads, int fds) {}
