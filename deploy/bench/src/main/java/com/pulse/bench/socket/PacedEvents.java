package com.pulse.bench.socket;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Order events published at a fixed rate on a daemon thread (a failed benchmark must not hang on it), numbered from 0,
 * until {@link #stop()}: the steady stream the restart benchmarks keep flowing while the instance goes away.
 */
final class PacedEvents {

  private final AtomicBoolean publishing = new AtomicBoolean(true);
  private final AtomicLong next = new AtomicLong();
  private final OrderEventPublisher publisher;
  private final Thread thread;

  private PacedEvents(OrderEventPublisher publisher, int perSecond) {
    this.publisher = publisher;
    long interval = 1_000_000_000L / perSecond;
    thread = Thread.ofPlatform().daemon().name("bench-publisher").start(() -> {
      long due = System.nanoTime();
      while (publishing.get()) {
        publisher.publish(next.getAndIncrement());
        due += interval;
        LockSupport.parkNanos(due - System.nanoTime());
      }
    });
  }

  static PacedEvents start(OrderEventPublisher publisher, int perSecond) {
    return new PacedEvents(publisher, perSecond);
  }

  /** How many events have been handed to the publisher so far (the next one's number). */
  long published() {
    return next.get();
  }

  /** Stops publishing, waits until every event is with the broker; how many were published in all. */
  long stop() throws InterruptedException {
    publishing.set(false);
    thread.join();
    publisher.flush();
    return next.get();
  }
}
