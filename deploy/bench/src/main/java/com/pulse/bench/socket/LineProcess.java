package com.pulse.bench.socket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client process of the benchmarks driven line by line: one command on its stdin, one answer on its stdout
 * ({@code ERROR …} when it failed); its stderr goes to a log file; closing its stdin ends it.
 */
record LineProcess(Process process, Writer commands, BufferedReader answers) {

  static LineProcess start(List<String> command, Path log) {
    try {
      Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      return new LineProcess(process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command.getFirst(), e);
    }
  }

  synchronized String ask(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
      String answer = answers.readLine();
      if (answer == null || answer.startsWith("ERROR")) {
        throw new IllegalStateException("client process answered " + answer + " to " + command);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException("client process gone", e);
    }
  }

  void stop() {
    try {
      commands.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
