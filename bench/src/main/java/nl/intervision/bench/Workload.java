package nl.intervision.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One load point: R meetings of N people, each meeting sending a command every T ms on an open-loop
 * schedule (the next command is due whether or not the last one was answered). With several server
 * nodes ({@code --port 8081,8082,8083}) the people of each meeting are spread over them.
 */
record Workload(
    String target, String host, List<Integer> ports, int rooms, int perRoom, int intervalMs, int warmupSeconds,
    int seconds, int sourceAddresses, String databaseUrl, List<Long> serverPids, boolean histograms,
    long startAtEpochMs, boolean heapAfterGc) {

  static Workload parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return new Workload(
        a.getOrDefault("target", "ours"),
        a.getOrDefault("host", "127.0.0.1"),
        Arrays.stream(a.getOrDefault("port", "8080").split(",")).map(Integer::valueOf).toList(),
        Integer.parseInt(a.getOrDefault("rooms", "200")),
        Integer.parseInt(a.getOrDefault("per-room", "6")),
        Integer.parseInt(a.getOrDefault("interval-ms", "1000")),
        Integer.parseInt(a.getOrDefault("warmup", "5")),
        Integer.parseInt(a.getOrDefault("seconds", "20")),
        Integer.parseInt(a.getOrDefault("sources", "8")),
        a.get("database-url"),
        Arrays.stream(a.getOrDefault("server-pid", "0").split(",")).map(Long::valueOf).toList(),
        Boolean.parseBoolean(a.getOrDefault("histograms", "false")),
        Long.parseLong(a.getOrDefault("start-at", "0")),
        Boolean.parseBoolean(a.getOrDefault("heap-after-gc", "false")));
  }

  /** The node the n-th person of the r-th meeting talks to: consecutive people on different nodes. */
  int port(int r, int n) {
    return ports.get((r + n) % ports.size());
  }

  double offeredPerSecond() {
    return rooms * 1000.0 / intervalMs;
  }
}
