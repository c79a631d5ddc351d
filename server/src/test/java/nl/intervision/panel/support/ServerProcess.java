package nl.intervision.panel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.intervision.panel.Main;

/**
 * The server as an operator starts it: {@link Main} in a JVM of its own, configured by environment variables
 * only, here for starts that must fail. One that does not end within the bound is stopped and reported.
 */
public final class ServerProcess {
  private static final long BOUND_SECONDS = 90;

  /** @param log what the process wrote (standard output and error) */
  public record Ended(int exitCode, String log) {
    public List<String> lines() {
      return log.lines().toList();
    }

    /**
     * The one line that says why the database cannot be used, after checking what else an operator
     * must see: a non-zero exit, no stack trace, no other complaint, no start, no password.
     */
    public String refusal(String password) {
      assertThat(exitCode).as(log).isNotZero();
      List<String> refusals = lines().stream().filter(line -> line.contains("event=database_not_ready")).toList();
      assertThat(refusals).as(log).hasSize(1);
      assertThat(lines()).as("no stack trace, no other complaint: " + log)
          .noneMatch(line -> line.startsWith("\t") || line.contains("Exception in thread"))
          .noneMatch(line -> line.contains("level=SEVERE") && !line.contains("event=database_not_ready"))
          .noneMatch(line -> line.contains("event=server_started"));
      assertThat(log).doesNotContain(password);
      return refusals.getFirst();
    }
  }

  private ServerProcess() {}

  /** Starts the server with these settings on top of PORT=0 and HOST=127.0.0.1 and waits until it ends. */
  public static Ended runUntilItEnds(Map<String, String> settings) {
    return runUntilItEnds(settings, List.of());
  }

  /** The same, with these options for the server's JVM (a collector, say). */
  public static Ended runUntilItEnds(Map<String, String> settings, List<String> jvmOptions) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
    env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1"));
    env.putAll(settings);
    try {
      // To a file, not a pipe: a full pipe would stop the server mid-write and look like a hang.
      Path output = Files.createTempFile("ivp-server-", ".log");
      builder.redirectOutput(output.toFile());
      Process server = builder.start();
      server.getOutputStream().close();
      boolean ended = server.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
      if (!ended) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      if (!ended) {
        throw new AssertionError("the server did not end within " + BOUND_SECONDS + " s; it wrote:\n" + log);
      }
      return new Ended(server.exitValue(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
