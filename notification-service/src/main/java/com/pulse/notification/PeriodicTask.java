package com.pulse.notification;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Work every instance repeats on a thread of its own, at a fixed delay after each run, from the application's start
 * to its stop. A run that throws is not repeated, so {@link #runOnce()} handles its own failures.
 */
public abstract class PeriodicTask implements SmartLifecycle {

  private final String threadName;
  private final Duration initialDelay;
  private final Duration delay;
  private volatile ScheduledExecutorService scheduler;

  protected PeriodicTask(String threadName, Duration initialDelay, Duration delay) {
    this.threadName = threadName;
    this.initialDelay = initialDelay;
    this.delay = delay;
  }

  /** One run; must not throw. */
  protected abstract void runOnce();

  @Override
  public void start() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().name(threadName).daemon().factory());
    executor.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), Math.max(1, delay.toMillis()),
        TimeUnit.MILLISECONDS);
    scheduler = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = scheduler;
    scheduler = null;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
