package com.pulse.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A benchmark's command line: {@code --name=value} options, each with a default; a misspelt one is an error. */
public final class Options {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  private Options() {}

  /** @throws IllegalArgumentException for an argument that is not {@code --name=value} */
  public static Options parse(String[] args) {
    Options options = new Options();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 3) {
        throw new IllegalArgumentException("options are --name=value, got " + arg);
      }
      options.values.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    return options;
  }

  public String text(String name, String fallback) {
    read.add(name);
    return values.getOrDefault(name, fallback);
  }

  /** The value, or null when not given. */
  public String text(String name) {
    return text(name, null);
  }

  public int integer(String name, int fallback) {
    return Integer.parseInt(text(name, Integer.toString(fallback)));
  }

  public boolean bool(String name, boolean fallback) {
    return Boolean.parseBoolean(text(name, Boolean.toString(fallback)));
  }

  /** Comma-separated whole numbers, e.g. {@code --rates=100,1000}. */
  public int[] integers(String name, String fallback) {
    return java.util.Arrays.stream(text(name, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** Space-separated words, e.g. {@code --gateway-jvm-options="-Xmx512m -XX:+AlwaysPreTouch"}; empty if absent. */
  public List<String> words(String name) {
    String text = text(name, "").trim();
    return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
  }

  /** Whole seconds, e.g. {@code --duration=10}. */
  public Duration seconds(String name, long fallback) {
    return Duration.ofSeconds(Long.parseLong(text(name, Long.toString(fallback))));
  }

  /** Call after reading every option: fails on any option nobody asked for. */
  public void rejectUnknown() {
    Set<String> unknown = new HashSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) " + unknown + "; known: " + read);
    }
  }
}
