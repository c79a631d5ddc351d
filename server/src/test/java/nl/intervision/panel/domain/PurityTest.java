package nl.intervision.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The meeting rules stay plain functions: no framework, no I/O, no clock, no randomness. */
class PurityTest {
  private static final List<String> FORBIDDEN = List.of(
      "import io.vertx", "import java.sql", "import java.io", "import java.net", "import java.nio.file",
      "io.jsonwebtoken", "Instant.now(", "System.currentTimeMillis(", "System.nanoTime(", "UUID.randomUUID(",
      "new Random(", "SecureRandom", "Clock.system", "LocalDateTime.now(", "Thread.", "java.util.concurrent");

  @Test
  void theDomainUsesNothingButTheJdksPlainTypes() throws IOException {
    assertThat(violations(Path.of("src/main/java/nl/intervision/panel/domain"))).isEmpty();
  }

  /** A group's rules are as plain as a meeting's: the store and REST around them are built on top. */
  @Test
  void theGroupDomainUsesNothingButTheJdksPlainTypesAndTheMeetingDomain() throws IOException {
    Path group = Path.of("src/main/java/nl/intervision/panel/group");
    assertThat(violations(group)).isEmpty();
    try (Stream<Path> files = Files.list(group)) {
      for (Path file : files.toList()) {
        assertThat(Files.readAllLines(file)).as(file.getFileName() + " imports only the domain of the server")
            .filteredOn(line -> line.startsWith("import nl.intervision.panel.") || line.startsWith("import static nl."))
            .allMatch(line -> line.matches("import (static )?nl\\.intervision\\.panel\\.(domain|group)\\..*"));
      }
    }
  }

  private static List<String> violations(Path domain) throws IOException {
    assertThat(domain).isDirectory();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(domain)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (String word : FORBIDDEN) {
          if (source.contains(word)) {
            violations.add(file.getFileName() + " uses " + word);
          }
        }
      }
    }
    return violations;
  }

  /**
   * Who sees an event is decided per event type: a {@code default} arm would let a new event reach
   * everyone without anyone deciding so. Without one, the compiler refuses a new event until it has a rule.
   */
  @Test
  void visibilityDecidesEveryEventTypeByName() throws IOException {
    String source = Files.readString(Path.of("src/main/java/nl/intervision/panel/domain/Visibility.java"));
    assertThat(source).doesNotContain("default ->").doesNotContain("default:");
    for (Class<?> event : Event.class.getPermittedSubclasses()) {
      assertThat(source).as("the visibility rules name " + event.getSimpleName())
          .contains("case " + event.getSimpleName() + " ");
    }
  }
}
