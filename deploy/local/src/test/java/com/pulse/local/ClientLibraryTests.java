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
 * {@code @pulse/client}'s own integration test ({@code clients/js/test/integration.test.ts}: connect, a cut socket,
 * recovery, each order event once) against this module's running stack through its gateway. clients/js's
 * {@code npm test} skips it for want of a server; here it has one, so it must run and pass, not skip.
 */
@ExtendWith(RunningStack.class)
class ClientLibraryTests {

  @Test
  void theClientsIntegrationTestPassesAgainstTheRealStack() throws IOException, InterruptedException {
    Path test = NodeTestRun.CLIENT.resolve("build/test/integration.test.js");
    assumeTrue(Files.isRegularFile(test),
        "clients/js's tests are not built (npm run build:test there, or build the reactor): skipped");
    NodeTestRun run = NodeTestRun.of(Duration.ofMinutes(3),
        Map.of("PULSE_TEST_NOTIFICATION_URL", RunningStack.client().gatewayUrl()), test.toString());
    assertThat(run.finished()).as("the client's integration test finished within 3 minutes:\n%s", run.log()).isTrue();
    assertThat(run.exitValue()).as("the client's integration test:\n%s", run.log()).isZero();
    assertThat(run.log()).as("it ran rather than skipped, and checked events (ocs-service reachable)")
        .contains("ℹ pass 1").contains("ℹ skipped 0").doesNotContain("no events checked");
  }
}
