package nl.intervision.panel;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Which garbage collector the JVM picked. On one CPU or under about 1.8 GB a plain {@code java -jar}
 * silently gets the serial collector, whose stop-the-world pauses grow with the heap and show up as a
 * tail of late frames for every meeting at once (docs/PERFORMANCE.md). scripts/run.sh and the service
 * unit ask for G1; anyone starting the jar another way is told at start-up.
 */
final class Collector {
  /** The serial collector's two halves, as the JVM names them. */
  private static final List<String> SERIAL = List.of("Copy", "MarkSweepCompact");

  private Collector() {}

  static Optional<String> warning() {
    return warning(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
  }

  static Optional<String> warning(List<String> collectorNames) {
    if (collectorNames.stream().noneMatch(SERIAL::contains)) {
      return Optional.empty();
    }
    return Optional.of("the JVM runs the serial collector (it picks it on one CPU or a small heap), whose pauses"
        + " stall every meeting at once; start java with -XX:+UseG1GC (JAVA_OPTS in scripts/run.sh and the service unit)");
  }
}
