package com.pulse.bench.gateway;

import com.pulse.bench.JvmProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the gateway process's memory from outside: a full GC and the heap left after it ({@code jcmd}), the
 * direct buffer pool ({@code /actuator/prometheus}), RSS, threads and open descriptors ({@code /proc}). The heap is
 * read first, so the metrics scrape cannot add to it.
 */
final class GatewayMemory {

  private static final Pattern DIRECT = Pattern.compile(
      "^jvm_buffer_memory_used_bytes\\{[^}]*id=\"direct\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);
  private static final Pattern NMT_OTHER = Pattern.compile("-\\s+Other \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

  private final JvmProbe probe;
  private final URI metrics;
  private final boolean nativeTracking;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** @param nativeTracking the gateway runs with {@code -XX:NativeMemoryTracking=summary} */
  GatewayMemory(long pid, String gatewayUrl, boolean nativeTracking) {
    this.probe = new JvmProbe(pid);
    this.metrics = URI.create(gatewayUrl + "/actuator/prometheus");
    this.nativeTracking = nativeTracking;
    // the first attach starts the gateway's attach listener thread: before any reading, so thread counts compare
    probe.jcmd("VM.version");
  }

  MemoryReading read(String label, int round, long openedSoFar, long openNow) {
    long heap = probe.heapAfterGc();
    double nativeOther = Double.NaN;
    if (nativeTracking) {
      Matcher other = NMT_OTHER.matcher(probe.jcmd("VM.native_memory", "summary"));
      nativeOther = other.find() ? Long.parseLong(other.group(1)) * 1024.0 : Double.NaN;
    }
    return new MemoryReading(label, round, openedSoFar, openNow, heap, directBytes(), nativeOther, probe.rss(),
        probe.threads(), probe.fds());
  }

  private long directBytes() {
    try {
      String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher direct = DIRECT.matcher(body);
      return direct.find() ? (long) Double.parseDouble(direct.group(1)) : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
