package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.servers.LocalProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 5: a service restarted after the stack's first start runs from the start-up cache that start trained
 * (the JDK's AOT cache, deploy/bench/RESULTS.md "Cold start"), and a broken cache never stops a service: the JVM
 * starts without it and the launcher drops it, so it is trained again. Each test starts one more ocs-service instance
 * beside the shared stack's (same database and Kafka, its own port).
 */
@ExtendWith(RunningStack.class)
class StartupCacheTests {

  /** Training runs one service after the other at low priority; on a loaded two-core machine that takes minutes. */
  private static final Duration TRAINING = Duration.ofMinutes(20);
  private static final Duration START = Duration.ofMinutes(5);

  @TempDir Path logs;
  private ServiceProcess ocs;

  /** Trained after the stack's first start on this checkout, or by an earlier one (then nothing to wait for). */
  @BeforeEach
  void cacheTrained() {
    LocalStack stack = RunningStack.stack();
    ocs = stack.services().stream().filter(service -> service.name().equals("ocs-service")).findFirst()
        .orElseThrow();
    await().atMost(TRAINING).pollInterval(Duration.ofSeconds(1))
        .until(() -> ocs.startupCache().isReady() || stack.startupCacheTraining().map(t -> t.done()).orElse(true));
    assertThat(ocs.startupCache().archive()).as("trained by the stack's start").isRegularFile();
  }

  @Test
  void aRestartedServiceStartsFromTheCacheTheFirstStartTrained() throws IOException {
    StartupCache cache = ocs.startupCache();

    try (ServiceProcess again = ocs.another("ocs-service-again", LocalProcesses.freePort(), logs)) {
      assertThat(again.command()).contains(StartupCache.useOption() + cache.archive(),
          cache.extractedJar().toString());
      again.awaitHealthy(START);

      assertThat(again.startedFromCache()).isTrue();
      assertThat(Files.readString(again.log())).as("the JVM took the cache")
          .doesNotContain("error has occurred while processing the AOT cache");
      assertThat(cache.archive()).as("kept for the next start").isRegularFile();
    }
  }

  @Test
  void aCorruptCacheDoesNotStopAServiceAndIsDroppedToBeTrainedAgain() throws IOException {
    StartupCache cache = ocs.startupCache();
    Path good = Files.move(cache.archive(), cache.archive().resolveSibling("kept-by-test"),
        StandardCopyOption.ATOMIC_MOVE);
    try {
      byte[] garbage = new byte[1 << 20];
      new Random(16).nextBytes(garbage);
      Files.write(cache.archive(), garbage);

      try (ServiceProcess again = ocs.another("ocs-service-corrupt-cache", LocalProcesses.freePort(), logs)) {
        assertThat(again.startedFromCache()).isTrue();
        again.awaitHealthy(START);

        assertThat(Files.readString(again.log())).as("the JVM refused the cache and went on")
            .contains("error has occurred while processing the AOT cache");
        assertThat(cache.archive()).as("dropped, so the next training replaces it").doesNotExist();
      }
    } finally {
      Files.move(good, cache.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
