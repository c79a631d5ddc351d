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

  /**
   * CPU seconds per kind of thread (the JIT compilers, the garbage collector, and all the rest, which
   * is where the server's own work runs), read from /proc/PID/task. A fresh JVM compiles for its first
   * tens of seconds; that cost is real but says nothing about what a frame costs once it runs.
   */
  static java.util.Map<String, Double> cpuSecondsByKind(long pid) {
    java.util.Map<String, Double> byKind = new java.util.TreeMap<>(java.util.Map.of("jit", 0.0, "gc", 0.0, "work", 0.0));
    Path tasks = Path.of("/proc/" + (pid == 0 ? "self" : pid) + "/task");
    try (var threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
          byKind.merge(kind(name), seconds, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux, or the process is gone
    }
    return byKind;
  }

  /**
   * Read and write system calls so far (syscr, syscw of /proc/PID/io; empty when not readable). Most
   * of a relay's CPU goes to the kernel, which a Java profiler does not see; calls per frame show
   * whether a change writes more often.
   */
  static java.util.Map<String, Double> syscalls(long pid) {
    java.util.Map<String, Double> calls = new java.util.TreeMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + (pid == 0 ? "self" : pid) + "/io"))) {
        String[] parts = line.split(":\\s*");
        if (parts[0].equals("syscr") || parts[0].equals("syscw")) {
          calls.put(parts[0], Double.parseDouble(parts[1].trim()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux, or not allowed
    }
    return calls;
  }

  /**
   * HotSpot's thread names: "C2 CompilerThre", "C1 CompilerThre"; "GC Thread#0", "G1 Conc#0", "G1 Refine#0",
   * "G1 Service"; ZGC's "ZWorkerYoung#0", "ZDriverMajor" and the like.
   */
  static String kind(String threadName) {
    if (threadName.contains("Compiler")) {
      return "jit";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")
        || threadName.startsWith("Z")) {
      return "gc";
    }
    return "work";
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
}
