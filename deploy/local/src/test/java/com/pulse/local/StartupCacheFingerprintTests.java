package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start-up cache is keyed by what the JVM would load: a rebuild of unchanged code (new timestamps, also inside
 * Pulse's own nested jars) keeps it; changed code or other JVM options get a cache of their own.
 */
class StartupCacheFingerprintTests {

  @TempDir Path dir;

  @Test
  void aRebuildOfTheSameCodeKeepsTheFingerprint() throws IOException {
    Path first = bootJar("first.jar", "class bytes", 1_000_000_000_000L);
    Path rebuilt = bootJar("rebuilt.jar", "class bytes", 1_700_000_000_000L);

    assertThat(StartupCache.fingerprint(rebuilt, List.of("-Xmx384m")))
        .isEqualTo(StartupCache.fingerprint(first, List.of("-Xmx384m")));
  }

  @Test
  void changedCodeOrOtherJvmOptionsGetAnotherFingerprint() throws IOException {
    Path jar = bootJar("first.jar", "class bytes", 1_000_000_000_000L);
    Path changed = bootJar("changed.jar", "other class bytes", 1_000_000_000_000L);

    String fingerprint = StartupCache.fingerprint(jar, List.of("-Xmx384m"));

    assertThat(StartupCache.fingerprint(changed, List.of("-Xmx384m"))).isNotEqualTo(fingerprint);
    assertThat(StartupCache.fingerprint(jar, List.of("-Xmx1g"))).isNotEqualTo(fingerprint);
  }

  @Test
  void theCacheLivesBesideTheJarAndIsUnusedUntilTrained() throws IOException {
    Path jar = bootJar("ocs-service.jar", "class bytes", 1_000_000_000_000L);

    StartupCache cache = StartupCache.of(jar, List.of());

    assertThat(cache.archive().toString()).startsWith(dir.resolve("startup-cache").resolve("ocs-service-").toString());
    assertThat(cache.isReady()).isFalse();
    assertThat(cache.launchArguments()).containsExactly("-jar", jar.toString());
  }

  /** A jar shaped like Spring Boot's: a class of the application and one of Pulse's own nested jars. */
  private Path bootJar(String name, String classBytes, long time) throws IOException {
    Path jar = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      add(zip, "BOOT-INF/classes/com/pulse/App.class", classBytes.getBytes(StandardCharsets.UTF_8), time);
      add(zip, "BOOT-INF/lib/platform-0.1.0-SNAPSHOT.jar", nestedJar(classBytes, time), time);
    }
    return jar;
  }

  private static byte[] nestedJar(String classBytes, long time) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      add(zip, "com/pulse/platform/Outbox.class", classBytes.getBytes(StandardCharsets.UTF_8), time + 7);
    }
    return bytes.toByteArray();
  }

  private static void add(ZipOutputStream zip, String name, byte[] content, long time) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FileTime.fromMillis(time));
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}
