package nl.intervision.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Adds up the lines of several load generators that ran one point together (the same {@code --start-at}):
 * counts are summed, latency histograms added, and the server's figures, which every generator read for
 * the same window, are taken from the first line. Reads JSON lines on stdin, prints one.
 *   java -cp bench.jar nl.intervision.bench.Merge < generators.jsonl
 */
public final class Merge {
  private static final String[] SUMMED = {"rooms", "connections", "offeredPerSecond", "ackedPerSecond", "sent", "acked",
      "refused", "deliveries", "expectedDeliveries", "gaps", "duplicates", "lostAcked"};
  private static final String[] LATENCIES = {"fanout", "fanoutFromIntended", "ack"};

  private Merge() {}

  public static void main(String[] args) throws IOException {
    List<JsonObject> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(new JsonObject(line));
        }
      }
    }
    System.out.println(merged(lines).encode());
  }

  static JsonObject merged(List<JsonObject> lines) {
    JsonObject first = lines.get(0);
    JsonObject out = first.copy();
    out.remove("histograms");
    for (String key : SUMMED) {
      double sum = 0;
      for (JsonObject line : lines) {
        sum += line.getDouble(key, 0.0);
      }
      out.put(key, isWhole(first.getValue(key)) ? (Object) Math.round(sum) : (Object) sum);
    }
    for (String key : LATENCIES) {
      Histogram all = Stats.decoded(first.getJsonObject("histograms").getString(key));
      for (JsonObject line : lines.subList(1, lines.size())) {
        all.add(Stats.decoded(line.getJsonObject("histograms").getString(key)));
      }
      out.put(key + "Ms", Stats.percentiles(all));
    }
    double loadCpu = 0;
    long late = 0;
    for (JsonObject line : lines) {
      loadCpu += line.getDouble("loadCpuPercent", 0.0);
      late = Math.max(late, line.getLong("startedLateMs", 0L));
    }
    // The first generator divided the servers' CPU by its own frames only: scale to everyone's.
    double share = first.getLong("acked") / (double) Math.max(1, out.getLong("acked"));
    JsonObject window = out.getJsonObject("serverWindow");
    if (window != null && window.containsKey("microsPerFrame")) {
      window.put("microsPerFrame", window.getDouble("microsPerFrame") * share);
      JsonObject byThread = window.getJsonObject("microsPerFrameByThread");
      byThread.fieldNames().forEach(kind -> byThread.put(kind, byThread.getDouble(kind) * share));
      JsonObject calls = window.getJsonObject("syscallsPerFrame");
      calls.fieldNames().forEach(kind -> calls.put(kind, calls.getDouble(kind) * share));
    }
    return out.put("generators", lines.size()).put("loadCpuPercent", loadCpu).put("startedLateMs", late)
        .put("kibPerConnection", (out.getDouble("connections") == 0 ? 0
            : (first.getJsonObject("serverRssMiB").getDouble("connected") - first.getJsonObject("serverRssMiB").getDouble("idle"))
                * 1024 / out.getDouble("connections")))
        .put("serverMicrosPerFrame", null);
  }

  private static boolean isWhole(Object value) {
    return value instanceof Integer || value instanceof Long;
  }
}
