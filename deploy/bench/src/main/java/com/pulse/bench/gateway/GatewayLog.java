package com.pulse.bench.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the gateway logged above INFO during a benchmark: a result with errors in the log needs explaining. */
final class GatewayLog {

  private static final Pattern LEVEL = Pattern.compile("\"level\":\"(WARN|ERROR)\"");
  private static final Pattern MESSAGE = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.){0,160})");

  private GatewayLog() {}

  /** One line per distinct message (its first 160 characters), with how often it came; empty when none. */
  static String warnings(Path log) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Stream<String> lines = Files.lines(log)) {
      lines.forEach(line -> {
        Matcher level = LEVEL.matcher(line);
        boolean structured = level.find();
        if (structured || line.startsWith("WARN") || line.startsWith("ERROR") || line.contains("Exception")) {
          Matcher message = MESSAGE.matcher(line);
          String text = message.find() ? message.group(1) : line.substring(0, Math.min(160, line.length()));
          counts.merge((structured ? level.group(1) : "?") + " " + text, 1, Integer::sum);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder();
    counts.forEach((message, count) -> out.append(String.format("  %6d x %s%n", count, message)));
    return out.toString();
  }

  static void print(Path log) {
    String warnings = warnings(log);
    System.out.println(warnings.isEmpty() ? "gateway log " + log + ": no WARN or ERROR"
        : "gateway log " + log + ", WARN and ERROR lines:\n" + warnings);
  }
}
