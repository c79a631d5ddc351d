package nl.intervision.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * One load point: R meetings of N people, each meeting sending a command every T ms on an open-loop
 * schedule (the next command is due whether or not the last one was answered).
 */
record Workload(
    String target, String host, int port, int rooms, int perRoom, int intervalMs, int warmupSeconds,
    int seconds, int sourceAddresses, String databaseUrl, long serverPid) {

  static Workload parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return new Workload(
        a.getOrDefault("target", "ours"),
        a.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(a.getOrDefault("port", "8080")),
        Integer.parseInt(a.getOrDefault("rooms", "200")),
        Integer.parseInt(a.getOrDefault("per-room", "6")),
        Integer.parseInt(a.getOrDefault("interval-ms", "1000")),
        Integer.parseInt(a.getOrDefault("warmup", "5")),
        Integer.parseInt(a.getOrDefault("seconds", "20")),
        Integer.parseInt(a.getOrDefault("sources", "8")),
        a.get("database-url"),
        Long.parseLong(a.getOrDefault("server-pid", "0")));
  }

  double offeredPerSecond() {
    return rooms * 1000.0 / intervalMs;
  }
}
