package com.pulse.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the {@link StartupCache}s the stack's services lack, once the stack is up, one service after the other and
 * at low CPU priority: this start is not slowed down, the next one is fast. A training run is the service's own
 * launch (same options, settings and environment) that exits once its context is refreshed, so it binds no port and
 * starts no consumer; its output is adopted only when the run succeeded.
 */
final class StartupCacheTraining implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StartupCacheTraining.class);
  /** A training run takes ≈ 40 s of CPU; on a loaded two-core machine several minutes of wall time. */
  private static final Duration RUN_LIMIT = Duration.ofMinutes(8);
  private static final Path NICE = Path.of("/usr/bin/nice");

  private final List<ServiceLaunch> untrained;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Process current;

  private StartupCacheTraining(List<ServiceLaunch> untrained) {
    this.untrained = untrained;
    this.thread = Thread.ofPlatform().daemon().name("startup-cache-training").unstarted(this::trainAll);
  }

  /** Starts training, in the background, each cache of {@code services} that is not ready (one per jar). */
  static StartupCacheTraining start(List<ServiceProcess> services) {
    Map<String, ServiceLaunch> byCache = new LinkedHashMap<>();
    services.stream().map(ServiceProcess::launch).filter(launch -> !launch.cache().isReady())
        .forEach(launch -> byCache.putIfAbsent(launch.cache().toString(), launch));
    StartupCacheTraining training = new StartupCacheTraining(new ArrayList<>(byCache.values()));
    training.thread.start();
    return training;
  }

  /** How many services had no cache at this start, so start from it only next time. */
  int untrained() {
    return untrained.size();
  }

  /** Every training run ended, successful or not. */
  boolean done() {
    return !thread.isAlive();
  }

  private void trainAll() {
    for (ServiceLaunch launch : untrained) {
      if (closed) {
        return;
      }
      try {
        train(launch);
      } catch (IOException e) {
        log.warn("Start-up cache of {} not trained: {}", launch.name(), e.toString());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void train(ServiceLaunch launch) throws IOException, InterruptedException {
    StartupCache cache = launch.cache();
    cache.extract(Path.of(ServiceLaunch.java()));
    Path lockFile = cache.archive().resolveSibling(cache.archive().getFileName() + ".lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null || cache.isReady()) {
        return; // another stack on this checkout trains it, or just did
      }
      Path output = cache.trainingOutput();
      try {
        run(launch, output);
      } finally {
        Files.deleteIfExists(output);
        Files.deleteIfExists(output.resolveSibling(output.getFileName() + ".config"));
      }
    }
  }

  private void run(ServiceLaunch launch, Path output) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(NICE)) {
      command.addAll(List.of(NICE.toString(), "-n", "10"));
    }
    command.addAll(launch.command(launch.cache().trainingArguments(output), 0));
    Path trainingLog = launch.logDirectory().resolve(launch.name() + "-startup-cache.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(trainingLog.toFile()));
    builder.environment().putAll(launch.environment());
    long started = System.nanoTime();
    Process process = builder.start();
    current = process;
    if (closed) {
      stop(process);
      return;
    }
    boolean ended = process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    if (ended && process.exitValue() == 0 && Files.isRegularFile(output)) {
      launch.cache().adopt(output);
      log.info("Start-up cache of {} trained in {} s: {}", launch.name(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds(), launch.cache().archive());
    } else if (!closed) {
      stop(process);
      log.warn("Start-up cache of {} not trained ({}); see {}", launch.name(),
          ended ? "exit " + process.exitValue() : "no end within " + RUN_LIMIT, trainingLog);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      return null;
    }
  }

  /** The training JVM and the one it forks to write the cache. */
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops a training run under way (its output is dropped) and trains nothing more. */
  @Override
  public void close() {
    closed = true;
    Process process = current;
    if (process != null && process.isAlive()) {
      stop(process);
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
