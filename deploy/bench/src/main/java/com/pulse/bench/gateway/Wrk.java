package com.pulse.bench.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code wrk} (closed loop, C in native code: the load generator costs far less CPU than a JVM client would)
 * with a Lua script that sets the method, the JSON body and the headers. Same threads, connections and duration
 * for every target, so the two sides of a comparison differ only by their target.
 */
final class Wrk {

  /** The body ocs-service would take; the stand-in echoes it. */
  static final String ORDER =
      "{\"patientId\":\"P-BENCH\",\"jobRole\":\"RIS\",\"orderCode\":\"CBC\",\"priority\":\"ROUTINE\"}";

  static final String NOT_INSTALLED = "wrk is not on the PATH. Install it, e.g. on Debian/Ubuntu: "
      + "sudo apt-get install -y wrk (macOS: brew install wrk), then run again.";

  private final Path script;
  private final int threads;
  private final int connections;
  private final Duration timeout;
  private volatile Process running;

  /**
   * @param method {@code POST} (with {@link #ORDER} as its body) or {@code GET}
   * @param timeout a request slower than this counts as a socket error (timeout); whole seconds (wrk's unit)
   */
  Wrk(String method, String bearerToken, int threads, int connections, Duration timeout) throws IOException {
    requireInstalled();
    this.threads = threads;
    this.connections = connections;
    this.timeout = timeout;
    this.script = Files.createTempFile("pulse-wrk", ".lua");
    script.toFile().deleteOnExit();
    Files.writeString(script, script(method, bearerToken), StandardCharsets.UTF_8);
    // Ctrl-C reaches wrk too (same process group); a plain SIGTERM to us would not
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Process process = running;
      if (process != null) {
        process.destroyForcibly();
      }
    }, "wrk-stop"));
  }

  static String script(String method, String bearerToken) {
    StringBuilder lua = new StringBuilder();
    lua.append("wrk.method = \"").append(method).append("\"\n");
    if (method.equals("POST")) {
      lua.append("wrk.body = [[").append(ORDER).append("]]\n");
      lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
    }
    lua.append("wrk.headers[\"Authorization\"] = \"Bearer ").append(bearerToken).append("\"\n");
    return lua.toString();
  }

  /** One run against {@code url}; wrk's output, parsed. */
  WrkResult run(String url, Duration duration) throws IOException, InterruptedException {
    List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
        "--timeout", Math.max(1, timeout.toSeconds()) + "s", "--latency", "-s", script.toString(), url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    running = process;
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("wrk did not finish: " + String.join(" ", command));
    }
    running = null;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("wrk exited with " + process.exitValue() + ":\n" + output);
    }
    return WrkResult.parse(output);
  }

  static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk")));
  }

  /** @throws IllegalStateException with how to install it, when {@code wrk} is not on the PATH */
  static void requireInstalled() {
    if (!installed()) {
      throw new IllegalStateException(NOT_INSTALLED);
    }
  }
}
