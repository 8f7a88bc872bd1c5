package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
    Path client = PulseLocal.repositoryRoot().resolve("clients/js");
    Path test = client.resolve("build/test/integration.test.js");
    assumeTrue(Files.isRegularFile(test),
        "clients/js's tests are not built (npm run build:test there, or build the reactor): skipped");
    Path output = Files.createTempFile("pulse-client-integration", ".log");
    ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", test.toString())
        .directory(client.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    node.environment().put("PULSE_TEST_NOTIFICATION_URL", RunningStack.client().gatewayUrl());
    Process process = node.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(log);
    assertThat(finished).as("the client's integration test finished within 3 minutes:\n%s", log).isTrue();
    assertThat(process.exitValue()).as("the client's integration test:\n%s", log).isZero();
    assertThat(log).as("it ran rather than skipped, and checked events (ocs-service reachable)")
        .contains("ℹ pass 1").contains("ℹ skipped 0").doesNotContain("no events checked");
  }
}
