package com.pulse.journey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The state model stays pure (its package-info promises it): its sources import nothing but {@code java.util},
 * {@code java.time} and the package itself, so no Spring, no database, no I/O can creep in when the service grows
 * around it. A source check rather than ArchUnit, to keep the module free of further test dependencies for now.
 */
class PurityTests {

  private static final Path SOURCES = Path.of("src/main/java/com/pulse/journey/state");
  private static final List<String> ALLOWED = List.of("import java.util.", "import java.time.",
      "import static java.util.", "import static com.pulse.journey.state.");

  @Test
  void theStatePackageImportsOnlyTheJdksCollectionsAndTime() throws IOException {
    List<String> imports;
    try (Stream<Path> files = Files.list(SOURCES)) {
      imports = files.filter(f -> f.toString().endsWith(".java")).flatMap(PurityTests::lines)
          .filter(l -> l.startsWith("import ")).distinct().toList();
    }

    assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(ALLOWED).anyMatch(line::startsWith));
  }

  @Test
  void itUsesNoFullyQualifiedNamesToGetAroundTheImports() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      assertThat(files.filter(f -> f.toString().endsWith(".java")).flatMap(PurityTests::lines)
          .filter(l -> !l.startsWith("import ") && !l.startsWith("package ") && !l.startsWith("*")
              && !l.startsWith("/**") && !l.startsWith("//"))
          .filter(l -> l.matches(".*\\b(java\\.(io|nio|net|sql)|javax|jakarta|org\\.springframework)\\b.*")))
          .isEmpty();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip);
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
