package com.pulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads another JVM on this machine from outside, so the reading costs it nothing: {@code jcmd} (the one of the JDK
 * running the benchmark) and Linux {@code /proc}.
 */
public final class JvmProbe {

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

  private final long pid;
  private final String jcmd;

  public JvmProbe(long pid) {
    this.pid = pid;
    Path bundled = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    this.jcmd = Files.isExecutable(bundled) ? bundled.toString() : "jcmd";
  }

  /** Heap in use right after a full collection: what the process's live objects take, in bytes. */
  public long heapAfterGc() {
    jcmd("GC.run");
    String heapInfo = jcmd("GC.heap_info");
    Matcher heap = HEAP_USED.matcher(heapInfo);
    if (!heap.find()) {
      throw new IllegalStateException("no heap size in jcmd GC.heap_info:\n" + heapInfo);
    }
    return Long.parseLong(heap.group(1)) * 1024;
  }

  /** Resident set size in bytes. */
  public long rss() {
    return status("VmRSS") * 1024;
  }

  public int threads() {
    return (int) status("Threads");
  }

  /** Open file descriptors; -1 if unknown. */
  public int fds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Runs a {@code jcmd} command against the process; its output. */
  public String jcmd(String... command) {
    List<String> line = Stream.concat(Stream.of(jcmd, Long.toString(pid)), Stream.of(command)).toList();
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", line), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A {@code Name:  value [kB]} line of /proc/<pid>/status; -1 if absent. */
  private long status(String name) {
    try {
      String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
      Matcher line = Pattern.compile("^" + name + ":\\s+(\\d+)", Pattern.MULTILINE).matcher(status);
      return line.find() ? Long.parseLong(line.group(1)) : -1;
    } catch (IOException e) {
      throw new UncheckedIOException("the memory readings need Linux /proc", e);
    }
  }

  /** The hard open-files limit of this process (its children inherit it), from /proc/self/limits; -1 if unknown. */
  public static long openFilesLimit() {
    try {
      Matcher limit = Pattern.compile("^Max open files\\s+\\S+\\s+(\\d+)", Pattern.MULTILINE)
          .matcher(Files.readString(Path.of("/proc/self/limits")));
      return limit.find() ? Long.parseLong(limit.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
