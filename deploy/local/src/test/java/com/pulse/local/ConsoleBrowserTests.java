package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in real Chromium against this module's running stack (issue 15, item 5): {@code clients/js}'s
 * Playwright tests ({@code browser/console.test.mjs}; the SPC chart, queue board, patient's journey and live poll
 * panels in {@code browser/panels.test.mjs}; playwright-core driving Debian's {@code /usr/bin/chromium}) run
 * as a Node process pointed at the stack's gateway. Screenshots land in {@code target/browser-screenshots/}. Skipped,
 * saying why, where there is no Chromium ({@code apt-get install -y chromium}; CI's {@code .ci/run} installs it).
 */
@ExtendWith(RunningStack.class)
class ConsoleBrowserTests {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PULSE_CHROMIUM", "/usr/bin/chromium"));

  @Test
  void theConsoleAndItsPanelsWorkLiveInChromium() throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": browser tests skipped "
        + "(apt-get install -y chromium)");
    assumeTrue(Files.isDirectory(NodeTestRun.CLIENT.resolve("node_modules/playwright-core")),
        "clients/js has no node_modules (npm ci there, or build the reactor): browser tests skipped");
    Path screenshots = Path.of("target/browser-screenshots").toAbsolutePath();
    NodeTestRun run = NodeTestRun.of(Duration.ofMinutes(10), Map.of(
        "PULSE_GATEWAY_URL", RunningStack.client().gatewayUrl(),
        "PULSE_CHROMIUM", CHROMIUM.toString(),
        "PULSE_SCREENSHOTS", screenshots.toString()), "browser/console.test.mjs", "browser/panels.test.mjs");
    assertThat(run.finished()).as("browser tests finished within 10 minutes:\n%s", run.log()).isTrue();
    assertThat(run.exitValue()).as("browser tests (screenshots in %s):\n%s", screenshots, run.log()).isZero();
  }
}
