package com.pulse.spc.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package what its package-info promises — pure functions of their arguments — once Spring, REST and
 * persistence are added to the module around it: it may import only the JDK's language and collection types and
 * commons-math3, and may not read a clock.
 */
class StatisticsPurityTests {

  private static final Path SOURCES = Path.of("src/main/java/com/pulse/spc/statistics");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> ALLOWED = List.of("java.util.", "java.lang.", "org.apache.commons.math3.");
  private static final Pattern CLOCK = Pattern.compile("\\b(?:Instant|LocalDate|LocalDateTime|ZonedDateTime|"
      + "OffsetDateTime|Clock)\\b|currentTimeMillis|nanoTime");

  @Test
  void importsOnlyTheJdkAndCommonsMath() throws IOException {
    for (Path source : sources()) {
      Matcher imports = IMPORT.matcher(Files.readString(source));
      while (imports.find()) {
        String imported = imports.group(1);
        assertThat(ALLOWED).as("%s imports %s", source.getFileName(), imported)
            .anyMatch(imported::startsWith);
      }
    }
  }

  @Test
  void readsNoClock() throws IOException {
    for (Path source : sources()) {
      assertThat(CLOCK.matcher(Files.readString(source)).find()).as("%s reads a clock", source.getFileName())
          .isFalse();
    }
  }

  @Test
  void theRuleSeesTheSources() throws IOException {
    assertThat(sources()).extracting(path -> path.getFileName().toString())
        .contains("PhaseOneLimits.java", "RunRuleEvaluator.java", "CapabilityAnalysis.java");
    assertThat(IMPORT.matcher("import org.springframework.stereotype.Component;").find()).isTrue();
    assertThat(CLOCK.matcher("var now = Instant.now();").find()).isTrue();
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      return files.filter(path -> path.toString().endsWith(".java")).toList();
    }
  }
}
