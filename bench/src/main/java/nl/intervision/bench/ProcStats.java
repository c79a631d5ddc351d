package nl.intervision.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from /proc (Linux). */
final class ProcStats {
  private ProcStats() {}

  static final double TICKS_PER_SECOND = 100.0;

  /** User plus system CPU seconds used so far; 0 when the process cannot be read. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + (pid == 0 ? "self" : pid) + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static double rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + (pid == 0 ? "self" : pid) + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux, or the process is gone
    }
    return 0;
  }

  /**
   * Java heap in use after a full collection, in KiB, read with jcmd from the same JDK; -1 when the
   * process is not a JVM we can attach to (the Node peers).
   */
  static long heapAfterGcKiB(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
      run(jcmd, Long.toString(pid), "GC.run");
      java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K")
          .matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
      return used.find() ? Long.parseLong(used.group(1)) : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    return process.waitFor() == 0 ? out : "";
  }
}
