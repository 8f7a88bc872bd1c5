package com.pulse.bench.socket;

import java.util.List;

/**
 * Reads the few members a benchmark client needs straight from a frame's text, without a JSON parser: tens of
 * thousands of clients in one JVM must stay cheap. Server frames put {@code type}, {@code channels} and
 * {@code position} before the embedded event, so the first occurrence of each is the frame's own.
 */
final class Frames {

  /** What the benchmark's events carry in {@code orderCode}: {@code B<sequence>.<System.nanoTime() at send>}. */
  static final String MARKER = "\"orderCode\":\"B";

  private Frames() {}

  /** The string value of the first member with this name, or null. */
  static String string(String frame, String name) {
    String key = "\"" + name + "\":\"";
    int start = frame.indexOf(key);
    if (start < 0) {
      return null;
    }
    start += key.length();
    return frame.substring(start, frame.indexOf('"', start));
  }

  static boolean flag(String frame, String name) {
    return frame.contains("\"" + name + "\":true");
  }

  /** The strings of the first array member with this name ({@code "channels":["a","b"]}). */
  static List<String> strings(String frame, String name) {
    String key = "\"" + name + "\":[";
    int start = frame.indexOf(key);
    if (start < 0) {
      return List.of();
    }
    start += key.length();
    String inside = frame.substring(start, frame.indexOf(']', start)).trim();
    if (inside.isEmpty()) {
      return List.of();
    }
    return List.of(inside.replace("\"", "").split(","));
  }

  /** The benchmark event's sequence number and send time, or null for any other event. */
  static long[] marker(String frame) {
    int start = frame.indexOf(MARKER);
    if (start < 0) {
      return null;
    }
    start += MARKER.length();
    int dot = frame.indexOf('.', start);
    int end = frame.indexOf('"', dot);
    return new long[] {Long.parseLong(frame, start, dot, 10), Long.parseLong(frame, dot + 1, end, 10)};
  }
}
