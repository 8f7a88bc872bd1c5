package com.pulse.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Where a service jar's start-up cache lives and how a start uses it: Spring Boot's extracted layout
 * ({@code java -Djarmode=tools -jar x.jar extract}) and the JVM's archive of what a training run loaded and linked, the
 * AOT cache on Java 25+ (JEP 483/514), a CDS archive on 21–24. A service started from it is ready in a fraction of
 * the time (deploy/bench/RESULTS.md, "Cold start").
 *
 * <p>It lives beside the jar, so every stack, test and benchmark on this checkout shares it and {@code ./mvnw clean}
 * removes it: {@code <module>/target/startup-cache/<module>-<content>/} holds the extracted layout, keyed by the jar's
 * content (entry checksums, so rebuilding unchanged code keeps it), and one archive per JDK and JVM options,
 * {@code app-<options>.aot}. The layout of the previous build is kept (a stack started from it may still run), older
 * ones are removed. A missing cache means a plain start from the jar; a stale or broken one is refused by the JVM, which then
 * starts without it ({@code AOTMode=auto}), and {@link #discardIfRefused} removes it so it is trained again.
 */
public final class StartupCache {

  /** {@code -Dpulse.local.startup-cache=off} starts every service from its plain jar, e.g. to measure without. */
  public static final String SWITCH = "pulse.local.startup-cache";
  /** What the JVM prints when it cannot use the archive it was given (and goes on without it). */
  private static final Pattern REFUSAL = Pattern.compile("\\[error *]\\[(aot|cds)]");
  static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

  private final Path jar;
  private final Path directory;
  private final String options;

  private StartupCache(Path jar, Path directory, String options) {
    this.jar = jar;
    this.directory = directory;
    this.options = options;
  }

  /** The cache of {@code jar} when started with {@code jvmOptions}; nothing is read or written but the jar. */
  public static StartupCache of(Path jar, List<String> jvmOptions) {
    String module = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path root = jar.toAbsolutePath().getParent().resolve("startup-cache");
    return new StartupCache(jar, root.resolve(module + "-" + rememberedContentFingerprint(jar, root)),
        optionsFingerprint(jvmOptions));
  }

  /**
   * {@link #contentFingerprint}, remembered beside the cache for the jar's size and time: reading a jar and its
   * nested jars takes a few hundred milliseconds, every start.
   */
  private static String rememberedContentFingerprint(Path jar, Path root) {
    Path note = root.resolve(jar.getFileName() + ".fingerprint");
    try {
      String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " ";
      if (Files.isRegularFile(note)) {
        String remembered = Files.readString(note);
        if (remembered.startsWith(stamp) && remembered.substring(stamp.length()).matches("[0-9a-f]{16}")) {
          return remembered.substring(stamp.length());
        }
      }
      String fingerprint = contentFingerprint(jar);
      Files.createDirectories(root);
      Path scratch = Files.createTempFile(root, "fingerprint-", ".tmp");
      Files.writeString(scratch, stamp + fingerprint);
      Files.move(scratch, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return fingerprint;
    } catch (IOException e) {
      return contentFingerprint(jar);
    }
  }

  public static boolean enabled() {
    return !"off".equals(System.getProperty(SWITCH));
  }

  /**
   * Whether a start trains the caches it lacks; {@code use} starts from caches already trained but trains none
   * (benchmarks: a training run in the background would be measured as the stack's own CPU).
   */
  public static boolean trains() {
    return enabled() && !"use".equals(System.getProperty(SWITCH));
  }

  /** The archive the JVM maps at start. */
  public Path archive() {
    return directory.resolve("app-" + options + (AOT_CACHE ? ".aot" : ".jsa"));
  }

  /** The application jar of the extracted layout (its libraries in {@code lib/} beside it). */
  public Path extractedJar() {
    return directory.resolve("app").resolve(jar.getFileName());
  }

  /** Both the archive and the layout it was trained on exist. */
  public boolean isReady() {
    return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar());
  }

  /** What follows the JVM options on a start's command line: the cache's archive and layout, or the plain jar. */
  List<String> launchArguments() {
    if (!enabled() || !isReady()) {
      return List.of("-jar", jar.toString());
    }
    return List.of(useOption() + archive(), "-jar", extractedJar().toString());
  }

  /** The JVM option that maps an archive at start. */
  static String useOption() {
    return AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
  }

  /**
   * The training run's arguments after the JVM options: record, exit once the context is refreshed (every singleton
   * built, nothing started, no port bound), write the archive to {@code output}.
   */
  List<String> trainingArguments(Path output) {
    String record = AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
    return List.of(record + output, "-Dspring.context.exit=onRefresh", "-jar", extractedJar().toString());
  }

  /** A fresh name for a training run's output; {@link #adopt} moves it in place once the run succeeded. */
  Path trainingOutput() throws IOException {
    Files.createDirectories(directory);
    return directory.resolve("training-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
        + (AOT_CACHE ? ".aot" : ".jsa"));
  }

  /** Moves a finished training run's archive in place, atomically: a start never sees half an archive. */
  void adopt(Path output) throws IOException {
    Files.move(output, archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Extracts the jar into the layout the archive is trained on, unless done already. Extracted beside, then renamed,
   * so a concurrent start sees the whole layout or none; older fingerprints of the same module are removed.
   */
  void extract(Path java) throws IOException, InterruptedException {
    if (Files.isRegularFile(extractedJar())) {
      return;
    }
    Files.createDirectories(directory);
    Path scratch = Files.createTempDirectory(directory, "extracting-");
    Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
        "--destination", scratch.resolve("app").toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int exit = extract.waitFor();
    try {
      if (exit != 0) {
        throw new IOException("extracting " + jar + " failed with " + exit);
      }
      Files.move(scratch.resolve("app"), extractedJar().getParent(), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException anotherStartWasFaster) {
      if (!Files.isRegularFile(extractedJar())) {
        throw anotherStartWasFaster;
      }
    } finally {
      LocalStack.deleteRecursively(scratch);
    }
    removeOlderFingerprints();
  }

  /**
   * After a start: when the service's log (from {@code fromByte} on) shows the JVM refused the archive, deletes it,
   * so the next training replaces it. The start itself went on without it.
   *
   * @return whether the archive was refused
   */
  boolean discardIfRefused(Path log, long fromByte) {
    try (InputStream in = Files.newInputStream(log)) {
      in.skipNBytes(Math.min(fromByte, Files.size(log)));
      // the JVM reports before the application logs anything: the first 64 kB of this start hold it
      String start = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      if (!REFUSAL.matcher(start).find()) {
        return false;
      }
      Files.deleteIfExists(archive());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Keeps this layout and the newest other one of the module (a stack of the previous build may run from it). */
  private void removeOlderFingerprints() throws IOException {
    String prefix = directory.getFileName().toString().replaceFirst("-[0-9a-f]+$", "-");
    try (Stream<Path> siblings = Files.list(directory.getParent())) {
      siblings.filter(other -> !other.equals(directory) && other.getFileName().toString().startsWith(prefix))
          .filter(other -> other.getFileName().toString().substring(prefix.length()).matches("[0-9a-f]{16}"))
          .sorted(Comparator.comparing(StartupCache::modified).reversed()).skip(1)
          .forEach(LocalStack::deleteRecursively);
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException gone) {
      return FileTime.fromMillis(0);
    }
  }

  /** Both parts of the key, for tests: the jar's content, then the JDK and JVM options. */
  static String fingerprint(Path jar, List<String> jvmOptions) {
    return contentFingerprint(jar) + "/" + optionsFingerprint(jvmOptions);
  }

  /** The JDK (version and installation) and the JVM options: an archive is only valid for the same. */
  static String optionsFingerprint(List<String> jvmOptions) {
    MessageDigest digest = sha256();
    List<String> parts = new ArrayList<>(List.of(Runtime.version().toString(), System.getProperty("java.home")));
    parts.addAll(jvmOptions);
    parts.forEach(part -> digest.update((part + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  /**
   * The jar's content without its timestamps: every entry's name, size and CRC, and the same inside Pulse's own
   * nested jars (rebuilt, so re-stamped, by every build).
   */
  static String contentFingerprint(Path jar) {
    MessageDigest digest = sha256();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith("-SNAPSHOT.jar")) {
          digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
          try (ZipInputStream nested = new ZipInputStream(zip.getInputStream(entry))) {
            for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
              nested.transferTo(OutputStream.nullOutputStream());
              update(digest, inner);
            }
          }
        } else {
          update(digest, entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + jar, e);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest digest, ZipEntry entry) {
    if (!entry.isDirectory()) {
      digest.update((entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return directory.toString();
  }
}
