package com.pulse.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of Node's test runner in {@code clients/js} (its own tests pointed at this module's running stack through
 * the environment), its whole output kept and printed so a failed assertion can show it.
 *
 * @param finished whether it ended within its time (if not, it was killed)
 * @param exitValue its exit code; -1 when it did not finish
 */
record NodeTestRun(boolean finished, int exitValue, String log) {

  static final Path CLIENT = PulseLocal.repositoryRoot().resolve("clients/js");

  static NodeTestRun of(Duration timeout, Map<String, String> environment, String... files)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
    command.addAll(List.of(files));
    Path output = Files.createTempFile("pulse-node-tests", ".log");
    ProcessBuilder node = new ProcessBuilder(command)
        .directory(CLIENT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    node.environment().putAll(environment);
    Process process = node.start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(log);
    return new NodeTestRun(finished, finished ? process.exitValue() : -1, log);
  }
}
