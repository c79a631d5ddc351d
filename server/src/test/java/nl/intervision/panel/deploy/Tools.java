package nl.intervision.panel.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The programs the deployment tests run (nginx, openssl, systemd-analyze): found, and run with a
 * bound in time. scripts/test.sh installs them and names them in an environment variable; a test run
 * that names one which is not there fails, so CI cannot skip these tests by accident. Without the
 * variable, a machine that lacks the program skips the test and says why.
 */
final class Tools {
  private Tools() {}

  static Path find(String variable, String name, String... usualPlaces) {
    String named = System.getenv(variable);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named);
      if (!Files.isExecutable(path)) {
        throw new AssertionError(variable + "=" + named + " is not an executable program");
      }
      return path;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name);
      }
    }
    for (String place : usualPlaces) {
      if (Files.isExecutable(Path.of(place))) {
        return Path.of(place);
      }
    }
    assumeTrue(false, name + " is not installed (scripts/test.sh installs it; or set " + variable + ")");
    throw new IllegalStateException("not reached");
  }

  /**
   * A committed deployment file with the changes its comments tell an operator to make; each must
   * still be there to change, so that the file and the test that renders it cannot drift apart.
   */
  static String withChanges(Path committed, Map<String, String> changes) throws IOException {
    String rendered = Files.readString(committed);
    for (Map.Entry<String, String> change : changes.entrySet()) {
      if (!rendered.contains(change.getKey())) {
        throw new AssertionError(committed + " no longer has '" + change.getKey()
            + "', which an operator is told to change; update the file and this test together");
      }
      rendered = rendered.replace(change.getKey(), change.getValue());
    }
    return rendered;
  }

  static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    return run(dir, Map.of(), command);
  }

  /** Runs a program to its end within a minute; its output (stdout and stderr) when it exits with 0. */
  static String run(Path dir, Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "output", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (!ended) {
      throw new AssertionError(String.join(" ", command) + " did not end within 60 s:\n" + output);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }
}
